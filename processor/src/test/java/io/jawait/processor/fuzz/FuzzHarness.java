package io.jawait.processor.fuzz;

import io.jawait.Coroutine;
import io.jawait.EventLoop;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated programs with the jawait processor, runs each in the three modes against
 * its synchronous twin, and describes the first disagreement.
 */
final class FuzzHarness {
    /** A run taking longer than this is a hang (an async machine looping forever). */
    private static final long RUN_TIMEOUT_SECONDS = 20;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-runner");
        t.setDaemon(true);
        return t;
    });

    /** The result of compiling a set of sources. */
    record Compiled(boolean ok, List<String> errors, ClassLoader loader) {
    }

    /** Compiles {@code sources} (class name -> text), with or without the processor. */
    Compiled compile(Map<String, String> sources, boolean withProcessor) throws IOException {
        Path dir = Files.createTempDirectory("fuzz");
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = dir.resolve("src/" + ProgramPrinter.PACKAGE + "/" + e.getKey() + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f);
        }
        Path out = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String cp = System.getProperty("java.class.path");
        List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-cp", cp, "-nowarn"));
        if (withProcessor) {
            options.addAll(List.of("-processorpath", cp));
        } else {
            options.add("-proc:none");
        }
        boolean ok;
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
        }
        List<String> errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> (d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":")
                        + d.getLineNumber() + ": " + d.getMessage(null))
                .toList();
        ClassLoader loader = ok ? new URLClassLoader(new URL[] {out.toUri().toURL()}, FuzzHarness.class.getClassLoader()) : null;
        return new Compiled(ok, errors, loader);
    }

    /**
     * Runs program {@code className} in every mode; returns null when async and sync agree,
     * otherwise a description of the first disagreement.
     */
    String check(ClassLoader loader, String className, long seed) throws Exception {
        Class<?> program = loader.loadClass(ProgramPrinter.PACKAGE + "." + className);
        Method async = program.getMethod("run", FuzzEnv.class);
        Method sync = program.getMethod("runSync", FuzzEnv.class);
        for (FuzzEnv.Mode mode : FuzzEnv.Mode.values()) {
            Outcome expected = runSync(sync, mode, seed);
            Outcome actual = runAsync(async, mode, seed);
            if (!expected.equals(actual)) {
                return "mode " + mode + ":\n  sync:  " + expected + "\n  async: " + actual;
            }
        }
        return null;
    }

    private static Outcome runSync(Method sync, FuzzEnv.Mode mode, long seed) throws IllegalAccessException {
        FuzzEnv env = new FuzzEnv(mode, null, seed);
        try {
            return Outcome.returned((Integer) sync.invoke(null, env), env.log());
        } catch (InvocationTargetException e) {
            return Outcome.threw(e.getCause(), env.log());
        }
    }

    private Outcome runAsync(Method async, FuzzEnv.Mode mode, long seed) throws Exception {
        java.util.concurrent.Future<Outcome> run = runner.submit(() -> {
            try (EventLoop loop = EventLoop.createVirtual()) {
                FuzzEnv env = new FuzzEnv(mode, loop, seed);
                try {
                    @SuppressWarnings("unchecked")
                    Coroutine<Integer> c = (Coroutine<Integer>) async.invoke(null, env);
                    return Outcome.returned(loop.runUntilComplete(c), env.log());
                } catch (InvocationTargetException e) {
                    return Outcome.threw(e.getCause(), env.log());
                } catch (Throwable t) {
                    return Outcome.threw(t, env.log());
                }
            }
        });
        try {
            return run.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            return new Outcome(null, "HANG: no result after " + RUN_TIMEOUT_SECONDS + " s", List.of());
        }
    }

    void close() {
        runner.shutdownNow();
    }
}
