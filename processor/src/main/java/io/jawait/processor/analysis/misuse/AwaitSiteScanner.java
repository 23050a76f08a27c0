package io.jawait.processor.analysis.misuse;

import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Collects, in source order, every {@code await(...)} call and {@code Asyncio::await} reference
 * under a path, and the {@code @Async} methods of local and anonymous classes met on the way
 * (they have no element, so nobody else sees them). Bodies of the given methods are skipped:
 * they are checked on their own.
 */
final class AwaitSiteScanner extends TreePathScanner<Void, Void> {
    private final AwaitNames names;
    private final AsyncMethods asyncMethods;
    private final Set<Tree> skippedMethods;
    private final List<AwaitSite> sites = new ArrayList<>();
    private final List<TreePath> localAsyncMethods = new ArrayList<>();

    /**
     * @param names what {@code await} means in the compilation unit scanned
     * @param asyncMethods which method declarations are {@code @Async}
     * @param skippedMethods method declarations not to descend into
     */
    AwaitSiteScanner(AwaitNames names, AsyncMethods asyncMethods, Set<Tree> skippedMethods) {
        this.names = names;
        this.asyncMethods = asyncMethods;
        this.skippedMethods = skippedMethods;
    }

    /** @return the await sites found by {@link #scan(TreePath, Object)} */
    List<AwaitSite> sites() {
        return sites;
    }

    /** @return the {@code @Async} methods of local and anonymous classes found */
    List<TreePath> localAsyncMethods() {
        return localAsyncMethods;
    }

    @Override
    public Void visitMethod(MethodTree method, Void unused) {
        if (skippedMethods.contains(method)) {
            return null;
        }
        if (!asyncMethods.memberMethods().contains(method) && asyncMethods.isAsync(getCurrentPath())) {
            localAsyncMethods.add(getCurrentPath());
        }
        return super.visitMethod(method, unused);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (names.isAwaitCall(call, getCurrentPath())) {
            sites.add(new AwaitSite(getCurrentPath(), false));
        }
        return super.visitMethodInvocation(call, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        if (names.isAwaitReference(reference)) {
            sites.add(new AwaitSite(getCurrentPath(), true));
        }
        return super.visitMemberReference(reference, unused);
    }
}
