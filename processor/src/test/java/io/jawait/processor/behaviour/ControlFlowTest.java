package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** if/else, loops, break/continue and labels around awaits (checklist A.1). */
class ControlFlowTest {

    @Test
    void ifElseWithAwaitsInConditionAndBranches() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int k = 0; k < 2; k++) {
                        int a;
                        if (await(v(k == 0))) a = await(v(10)); else a = 2;
                        log(a);
                        if (k == 5) log("never"); else if (await(v(k == 1))) log("second"); else log("first");
                        r += a;
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("102", out.get(Mode.PENDING).value());
        assertEquals(List.of("10", "first", "2", "second"), out.get(Mode.PENDING).trace());
    }

    @Test
    void whileDoAndForLoops() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<Integer> run() {
                    int n = 0;
                    while (await(v(n < 5))) n++;
                    int i = 0;
                    do { log(i); } while (await(v(++i < 3)));
                    int sum = 0;
                    for (int j = await(v(0)); j < 10; j = await(v(j + 1))) {
                        if (j % 2 == 1) continue;
                        sum += j;
                        int zero = await(v(0));
                        sum = sum + zero;
                    }
                    for (;;) { if (await(v(true))) break; }
                    return Coroutine.of(n * 1000 + i * 100 + sum);
                }
                """);
        assertEquals(5320, out.get(Mode.DONE).value());
        assertEquals(List.of("0", "1", "2"), out.get(Mode.PENDING).trace());
    }

    @Test
    void labeledBreakAndContinue() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    StringBuilder sb = new StringBuilder();
                    outer:
                    for (int i = 0; i < 4; i++) {
                        for (int j = 0; j < 4; j++) {
                            int x = await(v(i * 10 + j));
                            if (j == 2) continue outer;
                            if (x == 31) break outer;
                            sb.append(x).append(',');
                        }
                    }
                    block: {
                        await(v(0));
                        if (sb.length() > 0) break block;
                        sb.append("unreached");
                    }
                    log("after");
                    return Coroutine.of(sb.toString());
                }
                """);
        assertEquals("0,1,10,11,20,21,30,", out.get(Mode.DONE).value());
    }

    @Test
    void returnAndJumpsFromNativeCodeInsideLoops() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<Integer> run() {
                    int total = 0;
                    for (int i = 0; ; i++) {
                        int got = await(v(i));
                        total += got;
                        switch (i) {
                            case 1: log("one"); break;
                            case 3: if (total > 100) break; else continue;
                            case 4: return Coroutine.of(total);
                            default: log("other " + i);
                        }
                        for (int state = 0; state < 2; state++) { if (i == 2) break; }
                        log("end " + i);
                    }
                }
                """);
        assertEquals(10, out.get(Mode.PENDING).value());
        assertEquals(List.of("other 0", "end 0", "one", "end 1", "other 2", "end 2"), out.get(Mode.PENDING).trace());
    }

    @Test
    void lambdasSeeTheValueOfTheirIteration() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    List<java.util.function.Supplier<String>> all = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        String v = await(v("v" + i));
                        all.add(() -> v);
                        await(v(0));
                    }
                    String r = "";
                    for (var s : all) r += s.get();
                    return Coroutine.of(r);
                }
                """);
        assertEquals("v0v1v2", out.get(Mode.PENDING).value());
    }

    @Test
    void patternVariablesSurviveAwaits() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<Object> o(Object x) { return Coroutine.of(x); }
                @Async Coroutine<String> run() {
                    String r = "";
                    for (Object x : List.of("abc", 42, "z")) {
                        if (await(o(x)) instanceof String s && s.length() > await(ok(1))) {
                            await(v(0));
                            r += s.toUpperCase();
                        } else if (x instanceof Integer n) {
                            await(ok(0));
                            r += n + 1;
                        }
                        if (!(x instanceof String t)) continue;
                        await(ok(0));
                        r += t.length();
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("ABC3431", out.get(Mode.PENDING).value());
    }
}
