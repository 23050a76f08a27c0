package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** switch statements with awaits: fallthrough, selector evaluated once, null selector (checklist #10). */
class SwitchTest {

    @Test
    void fallthroughArrowsAndBreaks() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                enum Color { RED, GREEN, BLUE }
                int calls;
                int k(int i) { calls++; return i; }
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 4; i++) {
                        switch (k(i)) {
                            case 1:
                                r += await(v("one"));
                            case 2:
                                r += await(v("two"));
                                break;
                            case 3:
                                if (i == 3) break;
                                r += "never";
                            default:
                                r += "d";
                        }
                    }
                    for (Color c : Color.values()) {
                        switch (c) {
                            case RED -> r += await(ok("r"));
                            case GREEN, BLUE -> { r += "gb"; await(ok(0)); }
                        }
                    }
                    switch (await(ok("x"))) {
                        case "x": r += "X";
                    }
                    return Coroutine.of(r + calls);
                }
                """);
        assertEquals("donetwotworgbgbX4", out.get(Mode.DONE).value());
    }

    @Test
    void nullSelectorThrowsBeforeAnyCase() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    String s = null;
                    switch (s) {
                        case "a": log(await(v("a")));
                        default: log("default");
                    }
                    return Coroutine.of("unreached");
                }
                """);
        assertEquals(List.of(), out.get(Mode.DONE).trace());
        assertEquals(true, out.get(Mode.DONE).failure().startsWith("java.lang.NullPointerException"));
    }

    @Test
    void switchExpressionsWithAwaitingArms() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    String all = "";
                    for (int k = 0; k < 4; k++) {
                        int r = switch (k) {
                            case 1 -> await(v(10));
                            case 2 -> {
                                int t = await(v(20));
                                if (t > 100) yield -1;
                                yield t + 1;
                            }
                            case 3 -> { log("three"); yield 3; }
                            default -> 0;
                        };
                        String s;
                        s = switch (await(ok(k % 2))) {
                            case 0: yield "even";
                            default: { String odd = await(ok("odd")); yield odd; }
                        };
                        all += r + s + ",";
                    }
                    return Coroutine.of(all);
                }
                """);
        assertEquals("0even,10odd,21even,3odd,", out.get(Mode.PENDING).value());
        assertEquals(List.of("three"), out.get(Mode.PENDING).trace());
    }

    @Test
    void returnedSwitchExpressionWithAwaitingBlockArms() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> pick(int k) {
                    return Coroutine.of(switch (k) {
                        case 0 -> "zero";
                        case 1 -> {
                            String s = await(v("one"));
                            log("block " + s);
                            yield s + await(v("!"));
                        }
                        default -> await(v("many"));
                    });
                }
                @Async Coroutine<String> run() {
                    return Coroutine.of(await(pick(0)) + await(pick(1)) + await(pick(2)));
                }
                """);
        assertEquals("zeroone!many", out.get(Mode.PENDING).value());
        assertEquals(List.of("block one"), out.get(Mode.PENDING).trace());
    }
}
