package io.jawait.processor.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * White-box test of the generated code's shape: the {@code -Ajawait.dump=true} rendering of one
 * machine must equal the reviewed file in {@code src/test/resources/golden}. A change here is a
 * change users see in the dump and in the debugger: review the new text, then update the file
 * ({@code -Djawait.golden.update=true} rewrites it).
 */
class GoldenDumpTest {
    private static final String SOURCE = """
            package demo;

            import io.jawait.Coroutine;
            import io.jawait.annotation.Async;
            import static io.jawait.Asyncio.*;

            class Greeter {
                private final String prefix = "hi ";

                @Async
                Coroutine<String> greet(String name, double delay) {
                    await(sleep(delay));
                    String text = prefix + name;
                    for (int i = 0; i < 2; i++) {
                        text += await(sleep(delay, "!"));
                    }
                    return Coroutine.of(text.toUpperCase());
                }
            }
            """;

    @Test
    void greeterMachineMatchesTheGoldenFile() throws IOException {
        Compilation c = DumpPrinter.compile("demo.Greeter", SOURCE);
        assertEquals(Compilation.Status.SUCCESS, c.status(), c.diagnostics().toString());
        if (Boolean.getBoolean("jawait.golden.update")) {
            // mvn -pl processor test -Dtest=GoldenDumpTest -Djawait.golden.update=true, then review the diff
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/golden/Greeter.greet$Machine.java"),
                    DumpPrinter.dumps(c).stripTrailing() + "\n");
        }
        String expected;
        try (InputStream in = GoldenDumpTest.class.getResourceAsStream("/golden/Greeter.greet$Machine.java")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected.stripTrailing(), DumpPrinter.dumps(c).stripTrailing());
    }
}
