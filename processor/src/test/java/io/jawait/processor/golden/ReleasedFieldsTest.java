package io.jawait.processor.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Reference fields of hoisted locals are cleared when their block ends; primitive ones are left. */
class ReleasedFieldsTest {

    @Test
    void blockEndClearsReferenceFieldsOnly() {
        Compilation c = DumpPrinter.compile("demo.R", """
                package demo;
                import io.jawait.Coroutine;
                import io.jawait.annotation.Async;
                import static io.jawait.Asyncio.*;
                class R {
                    @Async Coroutine<Integer> m() {
                        int total = 0;
                        for (int i = 0; i < 3; i++) {
                            String big = "x".repeat(i);
                            long n = big.length();
                            await(sleep(0));
                            total += big.length() + (int) n;
                        }
                        return Coroutine.of(total);
                    }
                }
                """);
        assertEquals(Compilation.Status.SUCCESS, c.status(), c.diagnostics().toString());
        String dump = DumpPrinter.dumps(c);
        assertTrue(dump.contains("big = null;"), dump);
        assertFalse(dump.contains("n = null;"), dump);
    }
}
