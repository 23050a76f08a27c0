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
 * Collects every {@code await(...)} call and {@code Asyncio::await} reference under a path, in
 * source order, optionally skipping the bodies of given methods (checked separately).
 */
final class AwaitSiteScanner extends TreePathScanner<Void, Void> {
    private final AwaitNames names;
    private final Set<Tree> skippedMethods;
    private final List<AwaitSite> sites = new ArrayList<>();

    private AwaitSiteScanner(AwaitNames names, Set<Tree> skippedMethods) {
        this.names = names;
        this.skippedMethods = skippedMethods;
    }

    /**
     * @param root where to start
     * @param names what {@code await} means in {@code root}'s compilation unit
     * @param skippedMethods method declarations not to descend into
     * @return the await sites under {@code root}
     */
    static List<AwaitSite> scan(TreePath root, AwaitNames names, Set<Tree> skippedMethods) {
        AwaitSiteScanner scanner = new AwaitSiteScanner(names, skippedMethods);
        scanner.scan(root, null);
        return scanner.sites;
    }

    @Override
    public Void visitMethod(MethodTree method, Void unused) {
        return skippedMethods.contains(method) ? null : super.visitMethod(method, unused);
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
