package io.jawait.processor.javac;

import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * What the processor learns about the compiler it runs in: the real javac processing
 * environment (IntelliJ wraps it in a proxy), the tree API (absent under ECJ) and access to
 * javac internals (needs {@code --add-exports}, see {@code .mvn/jvm.config}).
 *
 * <p>Scaffold: the full probing (IntelliJ unwrap, ECJ and access errors) is being written by the
 * diagnostics work.
 */
public final class CompilerEnvironment {
    private final ProcessingEnvironment javacEnv;
    private final Trees trees;

    private CompilerEnvironment(ProcessingEnvironment javacEnv, Trees trees) {
        this.javacEnv = javacEnv;
        this.trees = trees;
    }

    /**
     * Probes the environment given to the processor's {@code init}.
     *
     * @param env the processing environment, possibly a proxy
     * @return the probe's result
     */
    public static CompilerEnvironment probe(ProcessingEnvironment env) {
        Trees trees;
        try {
            trees = Trees.instance(env);
        } catch (IllegalArgumentException notJavac) {
            trees = null;
        }
        return new CompilerEnvironment(env, trees);
    }

    /** @return whether the processor can work: javac with its tree API and internals reachable */
    public boolean usable() {
        return trees != null;
    }

    /** @return javac's own processing environment (unwrapped) */
    public ProcessingEnvironment javacEnv() {
        return javacEnv;
    }

    /** @return the tree API, or {@code null} when not {@link #usable()} */
    public Trees trees() {
        return trees;
    }

    /**
     * Reports, once, why the processor cannot work here (unsupported compiler, missing exports).
     * Does nothing when {@link #usable()}.
     */
    public void reportIfUnusable() {
        if (!usable()) {
            javacEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR,
                    io.jawait.processor.diagnostics.DiagnosticId.UNSUPPORTED_COMPILER.format(
                            "jawait needs javac's tree API (com.sun.source); this compiler has none"));
        }
    }
}
