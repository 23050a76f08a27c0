package io.jawait.processor.diagnostics;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Processor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.JavaFileObject;

/** How the diagnostics tests compile: one place to switch to the real processor. */
final class DiagnosticsCompiler {
    private DiagnosticsCompiler() {
    }

    /**
     * The processor under test. Once the pipeline's AsyncProcessor is merged, this becomes
     * {@code return new io.jawait.processor.AsyncProcessor();}.
     */
    static Processor processor() {
        return new ValidationOnlyProcessor();
    }

    /** @return the result of compiling {@code sources} with {@link #processor()} */
    static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(processor()).compile(sources);
    }

    /** Compiles with the validation processor seeing a wrapped environment (IDE proxies). */
    static Compilation compileWrapped(UnaryOperator<ProcessingEnvironment> wrapper,
            JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new ValidationOnlyProcessor(wrapper, 1))
                .compile(sources);
    }

    /** Compiles with every element checked twice per round: repeats must not be reported. */
    static Compilation compileCheckingTwice(JavaFileObject... sources) {
        return Compiler.javac()
                .withProcessors(new ValidationOnlyProcessor(UnaryOperator.identity(), 2))
                .compile(sources);
    }

    /**
     * {@code onLineContaining} cannot be followed by {@code atColumn}; this finds the line so
     * that {@code onLine(lineContaining(src, "..")).atColumn(n)} pins both.
     *
     * @return the 1-based number of the only line of {@code source} containing {@code fragment}
     */
    static long lineContaining(JavaFileObject source, String fragment) {
        String[] lines;
        try {
            lines = source.getCharContent(true).toString().split("\n", -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long found = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                if (found != -1) {
                    throw new IllegalArgumentException("more than one line contains " + fragment);
                }
                found = i + 1;
            }
        }
        if (found == -1) {
            throw new IllegalArgumentException("no line contains " + fragment);
        }
        return found;
    }

    /**
     * A source in package {@code test} importing what async code usually imports.
     *
     * @param simpleName the class name
     * @param lines the class body lines, after the imports
     */
    static JavaFileObject source(String simpleName, String... lines) {
        String[] all = new String[lines.length + 5];
        all[0] = "package test;";
        all[1] = "import io.jawait.Coroutine;";
        all[2] = "import io.jawait.annotation.Async;";
        all[3] = "import static io.jawait.Asyncio.*;";
        all[4] = "";
        System.arraycopy(lines, 0, all, 5, lines.length);
        return JavaFileObjects.forSourceLines("test." + simpleName, all);
    }
}
