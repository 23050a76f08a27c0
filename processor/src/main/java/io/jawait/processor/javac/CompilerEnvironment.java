package io.jawait.processor.javac;

import com.sun.source.util.Trees;
import io.jawait.processor.diagnostics.DiagnosticId;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.Diagnostic;

/**
 * What the processor learns about the compiler it runs in: the real javac processing
 * environment (IntelliJ wraps it in a proxy), the tree API (absent under ECJ) and access to
 * javac internals (needs {@code --add-exports}, see {@code .mvn/jvm.config}).
 *
 * <p>This class links no {@code com.sun.tools.javac} type: the one internal call of the probe
 * sits in the nested {@link InternalsProbe}, loaded only once the exports are known to exist, so
 * a missing export becomes one clear error instead of an {@link IllegalAccessError} at load time.
 */
public final class CompilerEnvironment {
    /** The javac packages the adapter reaches; each needs one line in {@code .mvn/jvm.config}. */
    static final List<String> INTERNAL_PACKAGES = List.of(
            "com.sun.tools.javac.api", "com.sun.tools.javac.code", "com.sun.tools.javac.comp",
            "com.sun.tools.javac.file", "com.sun.tools.javac.main", "com.sun.tools.javac.parser",
            "com.sun.tools.javac.processing", "com.sun.tools.javac.tree", "com.sun.tools.javac.util");
    private static final String INTELLIJ_WRAPPERS = "org.jetbrains.jps.javac.APIWrappers";

    private final ProcessingEnvironment javacEnv;
    private final Trees trees;
    private final String problem;
    private boolean problemReported;

    private CompilerEnvironment(ProcessingEnvironment javacEnv, Trees trees, String problem) {
        this.javacEnv = javacEnv;
        this.trees = trees;
        this.problem = problem;
    }

    /**
     * Probes the environment given to the processor's {@code init}: unwraps IntelliJ's proxy,
     * looks for the tree API, then for access to javac internals. Never throws.
     *
     * @param env the processing environment, possibly a proxy
     * @return the probe's result
     */
    public static CompilerEnvironment probe(ProcessingEnvironment env) {
        ProcessingEnvironment real = unwrap(env);
        Trees trees;
        try {
            trees = Trees.instance(real);
        } catch (IllegalArgumentException | LinkageError | AssertionError notJavac) {
            // IllegalArgumentException: not javac's class; AssertionError: Trees' own reflection
            // into javac failed (it wraps ReflectiveOperationException that way).
            return new CompilerEnvironment(real, null, unsupportedCompiler(real));
        }
        return new CompilerEnvironment(real, trees, internalsReachable(real) ? null : javacAccess());
    }

    /** @return whether the processor can work: javac with its tree API and internals reachable */
    public boolean usable() {
        return problem == null;
    }

    /** @return javac's own processing environment (unwrapped), or the given one if not javac */
    public ProcessingEnvironment javacEnv() {
        return javacEnv;
    }

    /** @return the tree API, or {@code null} when the compiler has none */
    public Trees trees() {
        return trees;
    }

    /**
     * Reports why the processor cannot work here (unsupported compiler, missing exports): one
     * error per compilation however often it is called, without a stack trace. Does nothing
     * when {@link #usable()}.
     */
    public void reportIfUnusable() {
        if (problem != null && !problemReported) {
            problemReported = true;
            javacEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, problem);
        }
    }

    /**
     * IntelliJ hands processors a {@link Proxy} around javac's environment; its own
     * {@code APIWrappers.unwrap(Class, Object)}, found through the proxy's class loader, returns
     * the original. Anything else is returned as it is.
     */
    static ProcessingEnvironment unwrap(ProcessingEnvironment env) {
        ClassLoader loader = env.getClass().getClassLoader();
        if (!Proxy.isProxyClass(env.getClass()) || loader == null) {
            return env;
        }
        try {
            Method unwrap = loader.loadClass(INTELLIJ_WRAPPERS)
                    .getMethod("unwrap", Class.class, Object.class);
            Object real = unwrap.invoke(null, ProcessingEnvironment.class, env);
            return real instanceof ProcessingEnvironment unwrapped ? unwrapped : env;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException notIntellij) {
            return env;
        }
    }

    /** Checks the exports through the public module API first, then makes one internal call. */
    private static boolean internalsReachable(ProcessingEnvironment env) {
        Module javac = env.getClass().getModule();
        Module self = CompilerEnvironment.class.getModule();
        for (String pkg : INTERNAL_PACKAGES) {
            if (javac.isNamed() && !javac.isExported(pkg, self)) {
                return false;
            }
        }
        try {
            return InternalsProbe.contextOf(env);
        } catch (LinkageError | RuntimeException denied) {
            return false; // IllegalAccessError, NoClassDefFoundError, ClassCastException, ...
        }
    }

    /** @return the lines to add to {@code .mvn/jvm.config}, one per internal package */
    static List<String> jvmConfigLines() {
        List<String> lines = new ArrayList<>();
        for (String pkg : INTERNAL_PACKAGES) {
            lines.add("--add-exports=jdk.compiler/" + pkg + "=ALL-UNNAMED");
        }
        return lines;
    }

    private static String javacAccess() {
        return DiagnosticId.JAVAC_ACCESS.format(
                "jawait rewrites @Async methods through javac internals, and the JVM running javac"
                        + " does not export them. Add these lines to .mvn/jvm.config in the"
                        + " project root (Maven compiles in-process, inside the JVM it starts):\n"
                        + String.join("\n", jvmConfigLines()) + "\n"
                        + "-J flags in maven-compiler-plugin <compilerArgs> are ignored unless the"
                        + " compiler forks (<fork>true</fork>); when calling javac directly, pass"
                        + " each line as -J--add-exports=...");
    }

    private static String unsupportedCompiler(ProcessingEnvironment env) {
        return DiagnosticId.UNSUPPORTED_COMPILER.format(
                "jawait needs javac (the JDK compiler) and its tree API, com.sun.source; this"
                        + " compiler's processing environment (" + env.getClass().getName()
                        + ") has none. Eclipse's ECJ is not supported: build with javac, for"
                        + " example through Maven or Gradle");
    }

    /**
     * The single internal call of the probe, in its own class so that nothing internal is
     * linked before {@link #internalsReachable} has checked the exports.
     */
    private static final class InternalsProbe {
        private InternalsProbe() {
        }

        static boolean contextOf(ProcessingEnvironment env) {
            return ((com.sun.tools.javac.processing.JavacProcessingEnvironment) env)
                    .getContext() != null;
        }
    }
}
