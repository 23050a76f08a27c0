package io.jawait.processor.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jawait.processor.AllAnnotationsProcessor;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.jawait.processor.AsyncProcessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.Set;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles broken sources with the processor and checks that the user sees exactly the expected
 * errors at the marked positions, nothing twice, and nothing of the generated machine.
 *
 * <p>Where the processor itself reports nothing, the strongest check is an oracle: javac without
 * the processor, where {@code await} is an ordinary static method, must print exactly the same
 * diagnostics, because the processor keeps the user's statements as a type-checked twin.
 */
final class BrokenSources {
    /**
     * Names only generated code has. {@code state} is matched as a word ("statement" is javac's,
     * "state machine" is the processor's explanation of why an await is forbidden, {@code 'state'}
     * quotes a user's parameter).
     * {@code Machine} also catches {@code m$Machine}; {@code __u1}/{@code __s1} are placeholders.
     */
    static final Pattern LEAK = Pattern.compile(
            "\\$|Machine|\\bawaits\\(|awaitsThen|awaited\\(|resumeContinuation|(?<!')\\bstate\\b(?!'| machine)|__[us]\\d|AsyncInternalError"
                    + "|\\bstep\\(|completion\\$|thrown\\$|iterator\\$|condition\\$");

    private BrokenSources() {
    }

    /** Checks one case: see the class comment. */
    static void check(BrokenCase c) {
        check(c, List::of);
    }

    /**
     * Checks one case compiled together with other processors, which the oracle runs too.
     *
     * @param c the case
     * @param others makes fresh instances of the other processors
     */
    static void check(BrokenCase c, Supplier<List<Processor>> others) {
        List<Processor> processors = new ArrayList<>(others.get());
        processors.add(new AsyncProcessor());
        Compilation compilation = compile(c.file(), processors, c.options());
        Compilation.Status expected = c.expected().isEmpty() ? Compilation.Status.SUCCESS : Compilation.Status.FAILURE;
        assertEquals(expected, compilation.status(), () -> c + "\n" + describe(compilation.diagnostics()) + c.source());
        List<Diagnostic<? extends JavaFileObject>> errors = sorted(compilation.errors());
        List<long[]> at = c.positions();
        String report = describe(sorted(compilation.diagnostics())) + "---\n" + numbered(c.source());
        assertNoLeak(compilation, () -> c + "\n" + report);
        assertEquals(at.size(), errors.size(), () -> c + ": wrong error count\n" + report);
        for (int i = 0; i < at.size(); i++) {
            Diagnostic<? extends JavaFileObject> e = errors.get(i);
            long[] marker = at.get(i);
            String fragment = c.expected().get(i);
            String where = c + ": error " + (i + 1) + "\n" + report;
            assertEquals(marker[0], e.getLineNumber(), () -> "line of " + where);
            assertEquals(marker[1], e.getColumnNumber(), () -> "column of " + where);
            assertTrue(message(e).contains(fragment), () -> "message of " + where + "\nexpected: " + fragment);
        }
        if (c.expected().stream().noneMatch(m -> m.startsWith("["))) {
            Compilation plain = compile(c.file(), others.get(), c.options());
            assertEquals(describe(sorted(plain.diagnostics())), describe(sorted(compilation.diagnostics())),
                    () -> c + ": the processor changed what javac reports\n" + numbered(c.source()));
        }
    }

    /**
     * @param file the source
     * @param processors the processors; none means javac with a processor that does nothing (there
     *     {@code await} is an ordinary method), because javac reports some errors differently as
     *     soon as annotation processing runs at all
     * @param options more javac options
     * @return the compilation; an exception escaping javac fails the test right there
     */
    static Compilation compile(JavaFileObject file, List<Processor> processors, List<String> options) {
        List<String> all = new ArrayList<>(List.of("-Xmaxerrs", "1000", "-Xmaxwarns", "1000"));
        all.addAll(options);
        return Compiler.javac().withOptions(all)
                .withProcessors(processors.isEmpty() ? List.of(new DoingNothing()) : processors).compile(file);
    }

    /** @see #compile(JavaFileObject, List, List) */
    static Compilation compile(JavaFileObject file, List<Processor> processors) {
        return compile(file, processors, List.of());
    }

    /** Takes part in annotation processing, like the real processor, and does nothing. */
    private static final class DoingNothing extends AllAnnotationsProcessor {
        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return false;
        }
    }

    /** No diagnostic of any kind shows a generated name or an internal error. */
    static void assertNoLeak(Compilation compilation, Supplier<String> context) {
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            if (LEAK.matcher(message(d)).find()) {
                fail("a diagnostic shows generated code: " + describe(List.of(d)) + context.get());
            }
        }
    }

    static String message(Diagnostic<?> d) {
        return d.getMessage(Locale.ROOT);
    }

    static List<Diagnostic<? extends JavaFileObject>> sorted(List<Diagnostic<? extends JavaFileObject>> all) {
        List<Diagnostic<? extends JavaFileObject>> copy = new ArrayList<>(all);
        copy.sort(Comparator.<Diagnostic<? extends JavaFileObject>>comparingLong(Diagnostic::getLineNumber)
                .thenComparingLong(Diagnostic::getColumnNumber).thenComparing(BrokenSources::message));
        return copy;
    }

    static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            out.append(d.getKind()).append(' ').append(d.getLineNumber()).append(':').append(d.getColumnNumber())
                    .append(' ').append(message(d).replace('\n', '|')).append('\n');
        }
        return out.toString();
    }

    private static String numbered(String source) {
        StringBuilder out = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(String.format("%3d  %s%n", i + 1, lines[i]));
        }
        return out.toString();
    }
}
