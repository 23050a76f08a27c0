package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Straight-line bodies: simple await positions, hoisted locals, parameters, returns. Every
 * scenario runs in the three modes against its synchronous twin ({@link Harness#check}).
 */
class StraightLineTest {

    @Test
    void awaitsInSimplePositionsAndHoistedLocals() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    log("start");
                    await(v(1));
                    String text = await(v("a"));
                    int n = await(v(2));
                    log(text + n);
                    n = await(v(40)) ;
                    var more = await(v("b"));
                    return Coroutine.of(text + more + (n + 2));
                }
                """);
        assertEquals("ab42", out.get(Mode.DONE).value());
        assertEquals("ab42", out.get(Mode.PENDING).value());
        assertEquals(List.of("start", "a2"), out.get(Mode.PENDING).trace());
        assertTrue(out.get(Mode.PENDING).time() > 0.04, "pending awaits really suspended");
        assertEquals(0.0, out.get(Mode.DONE).time(), "done awaits never suspend");
        assertEquals(List.of("start"), out.get(Mode.FAILING).trace());
    }

    @Test
    void parametersFieldsAndNamesTheMachineAlsoHas() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                private int state = 7;
                private String label = "L";
                public String toString() { return "subject"; }
                @Async Coroutine<String> run() { return twice("x", 2); }
                @Async Coroutine<String> twice(String s, int times) {
                    int state = await(v(times));
                    String r = "";
                    for (int i = 0; i < state; i++) { r += s; }
                    await(v(0));
                    times = times + this.state;
                    return Coroutine.of(r + state + times + toString() + label);
                }
                """);
        assertEquals("xx29subjectL", out.get(Mode.PENDING).value());
    }

    @Test
    void returnFormsCompleteWithValuesNotCoroutines() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<Integer> run() {
                    int a = await(child(1));
                    Coroutine<Integer> c = child(a);
                    await(v("x"));
                    return c;
                }
                @Async Coroutine<Integer> child(int n) {
                    await(done());
                    if (n > 100) return Coroutine.failed(new IllegalStateException("big"));
                    int one = await(v(1));
                    return Coroutine.of(n + one);
                }
                @Async Coroutine<Void> done() {
                    await(v(null));
                    return Coroutine.done();
                }
                """);
        assertEquals(3, out.get(Mode.DONE).value());
    }

    @Test
    void throwAwaitedExceptionAndDiscardedResults() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    await(v(5));
                    await(v("ignored"));
                    log("before");
                    throw await(v(new IllegalArgumentException("thrown")));
                }
                """);
        assertEquals("java.lang.IllegalArgumentException: thrown", out.get(Mode.PENDING).failure());
    }

    @Test
    void bodyWithoutAwaitCompletesInItsFirstStep() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<Integer> run() {
                    int x = 1;
                    log(x);
                    return Coroutine.of(x + 1);
                }
                """);
        assertEquals(2, out.get(Mode.PENDING).value());
        assertEquals(0.0, out.get(Mode.PENDING).time());
    }

    @Test
    void nameReuseInNestedScopes() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    String all = "";
                    { int x = await(v(1)); await(v(0)); all += x; }
                    { String x = await(v("s")); all += x; }
                    { long x = 3; all += x; }
                    return Coroutine.of(all);
                }
                """);
        assertEquals("1s3", out.get(Mode.DONE).value());
    }

    @Test
    void completionStagesAreAwaitedToo() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<Integer> run() {
                    int x = await(java.util.concurrent.CompletableFuture.completedFuture(3));
                    int y = 1 + await(java.util.concurrent.CompletableFuture.completedFuture(await(v(4))));
                    return Coroutine.of(x * 10 + y);
                }
                """);
        assertEquals(35, out.get(Mode.PENDING).value());
    }

    @Test
    void doneAwaitsContinueInTheSameFrame() {
        Map<Mode, Harness.Outcome> out = Harness.compiledOnly("""
                int depth() { return Thread.currentThread().getStackTrace().length; }
                @Async Coroutine<String> run() {
                    log(depth());
                    int a = await(v(1));
                    log(depth());
                    await(v(2));
                    log(depth());
                    return Coroutine.of("ok");
                }
                """);
        List<String> depths = out.get(Mode.DONE).trace();
        assertEquals(3, depths.size());
        assertEquals(depths.get(0), depths.get(1), "no extra frames after a done await");
        assertEquals(depths.get(0), depths.get(2));
        assertEquals(0.0, out.get(Mode.DONE).time(), "no loop turn either");
    }
}
