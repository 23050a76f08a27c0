package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Awaits in a declaration's bare array initializer ({@code int[] a = {await(x)}}), nested ones too. */
class BareArrayInitializerTest {

    @Test
    void bareInitializersEvaluateElementsLeftToRight() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                int g(int i) { log("g" + i); return i; }
                @Async Coroutine<String> run() {
                    int[] a = {g(1), await(v(g(2))), g(3)};
                    int b[] = {await(v(4))};
                    int[][] m = {{g(5)}, {}, {g(6), await(v(7))}, null};
                    long[] widened = {await(v(8)), 9};
                    String[] s = {"x" + await(v("y")), null};
                    return Coroutine.of(Arrays.toString(a) + Arrays.toString(b) + Arrays.deepToString(m)
                            + Arrays.toString(widened) + Arrays.toString(s));
                }
                """);
        assertEquals("[1, 2, 3][4][[5], [], [6, 7], null][8, 9][xy, null]", out.get(Mode.DONE).value());
        assertEquals(List.of("g1", "g2", "g3", "g5", "g6"), out.get(Mode.PENDING).trace());
    }
}
