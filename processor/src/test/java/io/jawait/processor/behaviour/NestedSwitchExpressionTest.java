package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Switch expressions with awaits nested inside larger expressions: only the chosen arm runs. */
class NestedSwitchExpressionTest {

    @Test
    void nestedSwitchExpressionsEvaluateOnlyTheChosenArm() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                enum Color { RED, GREEN, BLUE }
                int g(int i) { log("g" + i); return i; }
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 4; i++) {
                        Color c = i < 3 ? Color.values()[i] : null;
                        try {
                            r += g(100) + switch (await(v(i))) {
                                case 0, 1 -> g(1) + await(v(10 * i));
                                case 2 -> await(v(g(2)));
                                default -> throw new IllegalArgumentException("no " + i);
                            } + "|" + (c == null ? "none" : switch (c) {
                                case RED -> "r" + await(v("ed"));
                                case GREEN -> "green";
                                case BLUE -> await(v("blue"));
                            }) + ";";
                        } catch (IllegalArgumentException e) {
                            r += e.getMessage();
                        }
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("101|red;111|green;102|blue;no 3", out.get(Mode.DONE).value());
        assertEquals(List.of("g100", "g1", "g100", "g1", "g100", "g2", "g100"), out.get(Mode.PENDING).trace());
    }
}
