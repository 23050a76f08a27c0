package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The machine keeps its fields in locals of {@code step()} and writes them back when it suspends
 * (javac/StepLocals): values must survive every exit, the synchronous one and the suspending one,
 * and the fields it leaves as fields must still be shared with the code that needs them.
 */
class StepLocalsTest {

    @Test
    void valuesSurviveSuspensionsHandlersAndExitsThroughFinally() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<Long> run() {
                    long sum = 0;
                    int steps = 0;
                    for (int i = 0; i < 4; i++) {
                        steps++;
                        try {
                            sum += await(v(i));
                        } catch (Mode.Boom e) {
                            sum -= 100;
                            log("caught " + i + " at " + sum);
                            await(ok(0));
                        }
                        try {
                            if (sum > 5) {
                                log("early at " + i);
                                return Coroutine.of(sum * 1000 + steps);
                            }
                        } finally {
                            log("finally " + i + " " + sum);
                        }
                    }
                    return Coroutine.of(sum * 10 + steps);
                }
                """);
        assertEquals(6004L, out.get(Mode.DONE).value());
        assertEquals(6004L, out.get(Mode.PENDING).value());
        assertEquals(-3996L, out.get(Mode.FAILING).value());
    }

    @Test
    void localsCapturedByLambdasAndClassesStayShared() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    StringBuilder seen = new StringBuilder();
                    String prefix = await(ok("p"));
                    int count = 0;
                    java.util.function.Supplier<String> tag = () -> prefix + seen.length();
                    Object described = new Object() {
                        @Override public String toString() { return prefix + "!" + seen; }
                    };
                    for (int i = 0; i < 3; i++) {
                        count += await(ok(i));
                        seen.append(count);
                        log(tag.get() + " " + described);
                    }
                    Object shape = await(ok((Object) "text"));
                    if (shape instanceof String s && !s.isEmpty()) {
                        int n = await(ok(s.length()));
                        log(s + n);
                    }
                    return Coroutine.of(tag.get() + described + count);
                }
                """);
        assertEquals("p3p!0133", out.get(Mode.PENDING).value());
    }

    @Test
    void aNameDeclaredAgainInsideTheBodyKeepsTheFieldApart() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<Integer> run() {
                    int total = 0;
                    for (int i = 0; i < 3; i++) {
                        total += await(v(i));
                    }
                    for (int i = 10; i < 12; i++) {
                        total += i;
                    }
                    int i = await(v(100));
                    return Coroutine.of(total + i);
                }
                """);
        assertEquals(124, out.get(Mode.PENDING).value());
    }
}
