package io.jawait.processor.analysis.misuse;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.jawait.processor.diagnostics.DiagnosticId;
import io.jawait.processor.diagnostics.Reporter;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Validates {@code @Async} methods and finds misplaced awaits, on the original trees, before
 * any lowering: every problem is reported once, at the user's line and column.
 *
 * <p>The two entry points split the work so that every await is looked at exactly once:
 * {@link #checkAsyncMethod} covers the body of one {@code @Async} member method (including local
 * and anonymous classes inside it), {@link #checkAwaitsOutsideAsync} covers everything else in a
 * root element. Only the public {@code com.sun.source} API is used, and never
 * {@code Trees.getElement}/{@code getTypeMirror} on body paths (that would attribute too early).
 */
public final class MisuseChecker {
    private final Trees trees;
    private final Reporter reporter;
    private final AsyncSignatureCheck signatureCheck;

    /**
     * @param trees the tree API
     * @param reporter where errors go
     */
    public MisuseChecker(Trees trees, Reporter reporter) {
        this.trees = trees;
        this.reporter = reporter;
        this.signatureCheck = new AsyncSignatureCheck(reporter);
    }

    /**
     * Checks one {@code @Async} method: its signature (return type, body present, not
     * synchronized) and every await in its body (not in a lambda, local or anonymous class, or
     * synchronized block; no {@code Asyncio::await}), including the signatures and bodies of
     * {@code @Async} methods of local and anonymous classes declared in it.
     *
     * <p>{@code @Async} on a constructor is rejected by javac itself ({@code @Target(METHOD)});
     * such an element is answered {@code false} without a second error.
     *
     * @param method the annotated method
     * @return {@code true} when no error was found, so the method may be compiled
     */
    public boolean checkAsyncMethod(ExecutableElement method) {
        if (method.getKind() != ElementKind.METHOD) {
            return false;
        }
        boolean ok = signatureCheck.check(method);
        TreePath path = trees.getPath(method);
        if (path == null) {
            return false; // no source (a class file): nothing this processor could rewrite
        }
        AsyncMethods asyncMethods =
                AsyncMethods.ofMethod((MethodTree) path.getLeaf(), path.getCompilationUnit());
        return reportMisplaced(path, asyncMethods, Set.of()) && ok;
    }

    /**
     * Reports awaits that are not directly in an {@code @Async} method body anywhere in a root
     * element (other methods, constructors, initializers, field initializers), and
     * {@code Asyncio::await} references. {@code @Async} methods of local and anonymous classes
     * declared there have no element, so their signatures and bodies are checked here too. The
     * bodies of {@code @Async} member methods are left to {@link #checkAsyncMethod}.
     *
     * @param rootElement an element from {@code RoundEnvironment.getRootElements()}; anything
     *     but a type from source is ignored
     */
    public void checkAwaitsOutsideAsync(Element rootElement) {
        if (!(rootElement instanceof TypeElement type)) {
            return;
        }
        TreePath path = trees.getPath(type);
        if (path == null) {
            return;
        }
        AsyncMethods asyncMethods = AsyncMethods.ofRoot(trees, type, path.getCompilationUnit());
        reportMisplaced(path, asyncMethods, asyncMethods.memberMethods());
    }

    /** @return whether everything under {@code path} was legal */
    private boolean reportMisplaced(TreePath path, AsyncMethods asyncMethods, Set<Tree> skipped) {
        AwaitNames names = asyncMethods.names();
        AwaitSiteScanner scanner = new AwaitSiteScanner(names, asyncMethods, skipped);
        scanner.scan(path, null);
        boolean ok = true;
        for (TreePath local : scanner.localAsyncMethods()) {
            ok &= signatureCheck.checkLocal(local, names);
        }
        for (AwaitSite site : scanner.sites()) {
            Optional<DiagnosticId> verdict = AwaitPlacement.verdict(site, asyncMethods);
            if (verdict.isPresent()) {
                ok = false;
                reporter.error(verdict.get(), site.anchor(), site.path().getCompilationUnit(),
                        AwaitPlacement.message(verdict.get()));
            }
        }
        return ok;
    }
}
