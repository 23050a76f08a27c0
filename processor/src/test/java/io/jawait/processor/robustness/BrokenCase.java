package io.jawait.processor.robustness;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * One syntactically valid source with deliberate user errors, and the errors it must produce.
 *
 * <p>The source marks each expected error with {@code /*!*}{@code /} right before the character
 * javac points at; {@link #expected} holds, in source order, one message fragment per marker
 * (javac's own wording, or a {@code [DiagnosticId]}). A marker stays in the compiled source (it is
 * a comment), so its line and column are exactly where the error must be.
 *
 * @param name what is broken and where, as the test's display name
 * @param source the whole compilation unit
 * @param expected one message fragment per marker, in source order; none means it compiles
 * @param options more javac options
 */
record BrokenCase(String name, String source, List<String> expected, List<String> options) {
    static final String MARKER = "/*!*/";

    /** The imports of every wrapped case: what async code usually imports. */
    private static final String PROLOGUE = """
            package robust;
            import io.jawait.*;
            import io.jawait.annotation.Async;
            import java.io.*;
            import java.util.*;
            import java.util.function.*;
            import static io.jawait.Asyncio.*;
            """;

    BrokenCase {
        int markers = markers(source).size();
        if (markers != expected.size()) {
            throw new IllegalArgumentException(name + ": " + markers + " markers but " + expected.size()
                    + " expected messages");
        }
    }

    /**
     * A case whose members go into {@code class Broken} after the usual imports.
     *
     * @param name the display name
     * @param members the class body
     * @param expected one fragment per marker
     */
    static BrokenCase members(String name, String members, String... expected) {
        return new BrokenCase(name, PROLOGUE + "class Broken {\n" + members + "}\n", List.of(expected), List.of());
    }

    /**
     * A case that declares its own types after the usual imports.
     *
     * @param name the display name
     * @param declarations top-level declarations, one of them {@code class Broken}
     * @param expected one fragment per marker
     */
    static BrokenCase declarations(String name, String declarations, String... expected) {
        return new BrokenCase(name, PROLOGUE + declarations, List.of(expected), List.of());
    }

    /** @return this case compiled with every lint warning enabled */
    BrokenCase linted() {
        return new BrokenCase(name, source, expected, List.of("-Xlint:all"));
    }

    /** @return the compilation unit {@code robust.Broken} */
    JavaFileObject file() {
        return JavaFileObjects.forSourceString("robust.Broken", source);
    }

    /** @return the {@code (line, column)} of every marker's target, 1-based like javac's, in order */
    List<long[]> positions() {
        return markers(source);
    }

    private static List<long[]> markers(String source) {
        List<long[]> found = new ArrayList<>();
        long line = 1;
        int lineStart = 0;
        for (int i = 0; i < source.length(); i++) {
            if (source.startsWith(MARKER, i)) {
                found.add(new long[] {line, i + MARKER.length() - lineStart + 1});
            }
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return name;
    }
}
