package io.jawait.processor.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Enhanced for loops and try-with-resources whose static types are known not to be
 * {@code AsyncIterable} / {@code AsyncCloseable} stay native Java in the machine; the others are
 * lowered into states (their behaviour is tested in the behaviour package).
 */
class SynchronousConstructsTest {
    private static final String SOURCE = """
            package demo;

            import io.jawait.*;
            import io.jawait.annotation.Async;
            import java.io.StringReader;
            import java.util.List;
            import static io.jawait.Asyncio.*;

            class Loops {
                private final List<String> words = List.of("a", "bb");

                @Async
                Coroutine<Integer> count(List<String> names, int[] numbers, AsyncIterable<String> stream) throws Exception {
                    await(sleep(0));
                    int total = 0;
                    for (String name : names) total += name.length();
                    for (int n : numbers) total += n;
                    for (String w : this.words) total += w.length();
                    for (int k : new int[] {1, 2}) total += k;
                    try (StringReader reader = new StringReader("xyz")) {
                        total += reader.read();
                    }
                    for (String s : stream) total += s.length();
                    for (Object o : List.of(1)) total += o.hashCode();
                    return Coroutine.of(total);
                }
            }
            """;

    @Test
    void loopsAndResourcesOfPlainTypesStayNative() {
        Compilation c = DumpPrinter.compile("demo.Loops", SOURCE);
        assertEquals(Compilation.Status.SUCCESS, c.status(), c.diagnostics().toString());
        String machine = DumpPrinter.dumps(c);
        assertTrue(machine.contains("for (String name : names)"), machine);
        assertTrue(machine.contains("for (int n : numbers)"), machine);
        assertTrue(machine.contains("for (String w : Loops.this.words)"), machine);
        assertTrue(machine.contains("for (int k : new int[]{1, 2})"), machine);
        // (JDK 17's printer adds final to the resource, JDK 25's does not)
        assertTrue(machine.contains("StringReader reader = new StringReader(\"xyz\");) {"), machine);
        // an AsyncIterable is awaited element by element; a call's result type is not known
        assertFalse(machine.contains("for (String s : stream)"), machine);
        assertFalse(machine.contains("for (Object o : List.of(1))"), machine);
        assertEquals(2, machine.split("= iterate\\$\\(").length - 1, machine);
    }
}
