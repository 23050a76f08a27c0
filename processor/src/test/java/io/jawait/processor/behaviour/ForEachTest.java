package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Enhanced for over arrays, Iterables and AsyncIterables (checklist #7, #8, #9). */
class ForEachTest {

    @Test
    void arraysAndIterablesWithAwaitsInTheBody() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                int[] arr = {1, 2, 3};
                @Async Coroutine<String> swap() { arr = new int[] {100}; return Coroutine.of(""); }
                @Async Coroutine<String> run() {
                    int sum = 0;
                    for (int v : arr) {
                        sum += v + await(ok(0));
                        await(swap());
                    }
                    String s = "";
                    for (var word : await(ok(List.of("a", "b")))) {
                        s += await(v(word));
                    }
                    for (char c : new char[] {'x', 'y'}) s += c;
                    outer:
                    for (String w : List.of("p", "q", "r")) {
                        for (Integer k : List.of(1, 2)) {
                            if (w.equals("q")) continue outer;
                            if (w.equals("r")) break outer;
                            s += w + k;
                        }
                    }
                    return Coroutine.of(sum + s);
                }
                """);
        assertEquals("6abxyp1p2", out.get(Mode.PENDING).value());
    }

    @Test
    void concurrentModificationSurfacesAtTheNextElementAsInJava() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
                @Async Coroutine<String> run() {
                    int n = 0;
                    for (Integer i : list) {
                        await(ok(i));
                        if (n++ == 0) list.add(4);
                    }
                    return Coroutine.of("unreached");
                }
                """);
        assertEquals("java.util.ConcurrentModificationException: null", out.get(Mode.PENDING).failure());
    }

    @Test
    void asyncIterablesAwaitEachElement() {
        Map<Mode, Harness.Outcome> out = Harness.compiledOnly("""
                static final class Countdown implements AsyncIterable<Integer> {
                    final Mode mode; int n;
                    Countdown(Mode mode, int n) { this.mode = mode; this.n = n; }
                    public AsyncIterator<Integer> asyncIterator() {
                        return new AsyncIterator<>() {
                            public Coroutine<Boolean> hasNext() { return mode.of(n > 0); }
                            public Integer next() { return n--; }
                        };
                    }
                }
                @Async Coroutine<String> run() {
                    String s = "";
                    for (int i : new Countdown(mode, 3)) {
                        s += i;
                        log(i);
                    }
                    return Coroutine.of(s);
                }
                """);
        assertEquals("321", out.get(Mode.PENDING).value());
        assertEquals(0.04, out.get(Mode.PENDING).time(), 1e-9, "hasNext awaited four times");
        assertEquals("321", out.get(Mode.DONE).value());
        assertEquals(List.of(), out.get(Mode.FAILING).trace());
        assertEquals("io.jawait.processor.behaviour.Mode$Boom: boom true", out.get(Mode.FAILING).failure());
    }
}
