package io.jawait.processor.analysis.misuse;

import com.sun.source.util.Trees;
import io.jawait.processor.diagnostics.Reporter;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Validates {@code @Async} methods and finds misplaced awaits, on the original trees, before
 * any lowering: every problem is reported at the user's line and column.
 *
 * <p>Scaffold: the checks are being written (see the diagnostics work); until then it accepts
 * everything.
 */
public final class MisuseChecker {
    private final Trees trees;
    private final Reporter reporter;

    /**
     * @param trees the tree API
     * @param reporter where errors go
     */
    public MisuseChecker(Trees trees, Reporter reporter) {
        this.trees = trees;
        this.reporter = reporter;
    }

    /**
     * Checks one {@code @Async} method: its signature (return type, body present) and every
     * await in its body (not in a lambda, local or anonymous class, or synchronized block).
     *
     * @param method the annotated method
     * @return {@code true} when no error was reported, so the method may be compiled
     */
    public boolean checkAsyncMethod(ExecutableElement method) {
        return trees != null && reporter != null && method != null;
    }

    /**
     * Reports awaits that are not directly in an {@code @Async} method body anywhere in a root
     * element (other methods, initializers, fields), and {@code Asyncio::await} references.
     *
     * @param rootElement a type from {@code RoundEnvironment.getRootElements()}
     */
    public void checkAwaitsOutsideAsync(Element rootElement) {
        // Scaffold: filled by the diagnostics work.
    }
}
