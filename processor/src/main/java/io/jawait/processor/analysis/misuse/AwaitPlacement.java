package io.jawait.processor.analysis.misuse;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.jawait.processor.diagnostics.DiagnosticId;
import java.util.Optional;

/**
 * Decides whether an await site is legal (API.md section 7): the nearest enclosing method or
 * lambda must be an {@code @Async} method, with no {@code synchronized} block in between, and
 * method references to {@code await} are never legal. One verdict per site, so one error.
 */
final class AwaitPlacement {
    private AwaitPlacement() {
    }

    /**
     * @param site the await call or reference
     * @param asyncMethods which method declarations are {@code @Async}
     * @return the error to report, or empty when the await is where it belongs
     */
    static Optional<DiagnosticId> verdict(AwaitSite site, AsyncMethods asyncMethods) {
        if (site.reference()) {
            return Optional.of(DiagnosticId.AWAIT_METHOD_REFERENCE);
        }
        boolean inSynchronized = false;
        for (TreePath p = site.path().getParentPath(); p != null; p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            if (leaf instanceof SynchronizedTree) {
                inSynchronized = true;
            } else if (leaf instanceof LambdaExpressionTree) {
                return Optional.of(asyncMethods.enclosedByAsync(p)
                        ? DiagnosticId.AWAIT_IN_LAMBDA : DiagnosticId.AWAIT_OUTSIDE_ASYNC);
            } else if (leaf instanceof MethodTree) {
                if (asyncMethods.isAsync(p)) {
                    return inSynchronized
                            ? Optional.of(DiagnosticId.AWAIT_IN_SYNCHRONIZED) : Optional.empty();
                }
                return Optional.of(insideAsync(p, asyncMethods));
            } else if (leaf instanceof ClassTree) {
                // A field initializer or initializer block: runs when the class is instantiated.
                return Optional.of(insideAsync(p, asyncMethods));
            }
        }
        return Optional.of(DiagnosticId.AWAIT_OUTSIDE_ASYNC);
    }

    /** Code of a local or anonymous class inside an @Async body gets the more precise id. */
    private static DiagnosticId insideAsync(TreePath path, AsyncMethods asyncMethods) {
        return asyncMethods.enclosedByAsync(path)
                ? DiagnosticId.AWAIT_IN_LOCAL_CLASS : DiagnosticId.AWAIT_OUTSIDE_ASYNC;
    }

    /**
     * @param id a verdict of {@link #verdict}
     * @return the message after the id: the rule and what to do instead
     */
    static String message(DiagnosticId id) {
        return switch (id) {
            case AWAIT_OUTSIDE_ASYNC -> "await(...) is only allowed in the body of an @Async method"
                    + " returning Coroutine<T>; mark the enclosing method @Async or call run(...)"
                    + " / createTask(...) with a coroutine instead";
            case AWAIT_IN_LAMBDA -> "await(...) is not allowed inside a lambda: the lambda runs"
                    + " outside the @Async method's state machine; await in the method itself or"
                    + " move the lambda's body into an @Async method";
            case AWAIT_IN_LOCAL_CLASS -> "await(...) is not allowed in code of a local or anonymous"
                    + " class unless that code is itself an @Async method";
            case AWAIT_IN_SYNCHRONIZED -> "await(...) is not allowed inside synchronized: the"
                    + " monitor cannot be held across a suspension; use io.jawait.sync.Lock";
            case AWAIT_METHOD_REFERENCE -> "Asyncio::await cannot be used as a method reference:"
                    + " await(...) is compiled in place and only as a call in an @Async method body";
            default -> throw new IllegalArgumentException("not an await placement: " + id);
        };
    }
}
