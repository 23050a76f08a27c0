package io.jawait.processor.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Which fields {@code step()} keeps in locals (javac/StepLocals): those it uses, unless a local of
 * the same name could not stand in; written back only when {@code step()} assigns them.
 */
class StepLocalsDumpTest {
    private static final String SOURCE = """
            package demo;
            import io.jawait.Coroutine;
            import io.jawait.annotation.Async;
            import static io.jawait.Asyncio.*;
            class S {
                @Async Coroutine<String> m(int n, Object shape) {
                    long sum = 0;
                    long viaContinuation = 0;
                    String prefix = "p";
                    for (int i = 0; i < n; i++) {
                        long got = await(sleep(0, i));
                        sum += got;
                        viaContinuation += await(sleep(0, i));
                    }
                    for (int i = 0; i < 2; i++) {
                        sum += i;
                    }
                    java.util.function.Supplier<String> tag = () -> prefix + n;
                    if (shape instanceof String s) {
                        await(sleep(0));
                        sum += s.length();
                    }
                    return Coroutine.of(tag.get() + sum + viaContinuation);
                }
            }
            """;

    @Test
    void cachesWhatALocalCanStandInForAndWritesBackOnlyWhatChanges() {
        Compilation c = DumpPrinter.compile("demo.S", SOURCE);
        assertEquals(Compilation.Status.SUCCESS, c.status(), c.diagnostics().toString());
        String dump = DumpPrinter.dumps(c);
        String step = dump.substring(dump.indexOf("void step()")); // the constructor writes fields too
        assertTrue(step.contains("long sum = this.sum;"), dump);
        assertTrue(step.contains("this.sum = sum;"), dump);
        assertTrue(step.contains("break exit$;"), dump);
        assertFalse(step.contains(" return;"), dump);
        // Read, never assigned: copied in, not written back.
        assertTrue(step.contains("Object shape = this.shape;"), dump);
        assertFalse(step.contains("this.shape = shape;"), dump);
        // Assigned by the continuation that finishes `viaContinuation += await(...)`, a lambda.
        assertFalse(step.contains("viaContinuation = this.viaContinuation;"), dump);
        // The lambda reads n itself (a lambda captures only effectively final locals); prefix it
        // reads through a copy that the lowering makes, so prefix can be a local.
        assertFalse(step.contains("n = this.n;"), dump);
        assertTrue(step.contains("String prefix = this.prefix;"), dump);
        // The second loop keeps its own i as a local, so the first loop's i, a field, is named
        // i$2: a local i in step() would clash with the second loop's.
        assertTrue(step.contains("int i$2 = this.i$2;"), dump);
        assertTrue(step.contains("this.i$2 = i$2;"), dump);
        // The pattern binding s is stored with this.s, which a local would not see.
        assertFalse(step.contains("s = this.s;"), dump);
    }
}
