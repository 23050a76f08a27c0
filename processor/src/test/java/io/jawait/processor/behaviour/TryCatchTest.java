package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** try/catch/finally around awaits, pending completions through awaiting finally (checklist A.3). */
class TryCatchTest {

    @Test
    void failuresSurfaceAtTheAwaitAndAreCaughtByType() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    String r = "";
                    try {
                        r += await(v("a"));
                        r += "b";
                    } catch (IllegalArgumentException e) {
                        r += "wrong";
                    } catch (Mode.Boom | IllegalStateException e) {
                        r += "caught " + e.getMessage();
                    }
                    try {
                        await(fail("f"));
                    } catch (RuntimeException e) {
                        log("await in catch");
                        r += await(ok(e.getMessage()));
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("abf", out.get(Mode.PENDING).value());
        assertEquals("caught boom af", out.get(Mode.FAILING).value());
    }

    @Test
    void awaitingFinallyRunsOnceOnEveryPath() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<Integer> run() {
                    int x = 0;
                    try {
                        try {
                            x = await(v(2));
                            return Coroutine.of(x);
                        } finally {
                            x += await(ok(10));
                            log("finally " + x);
                        }
                    } catch (RuntimeException e) {
                        log("caught " + e.getMessage());
                        throw e;
                    } finally {
                        log("outer finally");
                        await(ok(0));
                    }
                }
                """);
        assertEquals(2, out.get(Mode.PENDING).value());
        assertEquals(List.of("finally 12", "outer finally"), out.get(Mode.PENDING).trace());
        assertEquals(List.of("finally 10", "caught boom 2", "outer finally"), out.get(Mode.FAILING).trace());
    }

    @Test
    void finallyOverridesAndReplaces() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 3; i++) {
                        try {
                            await(v(i));
                            if (i == 0) continue;
                            if (i == 2) break;
                            r += "body" + i;
                        } finally {
                            r += await(ok("f" + i));
                        }
                    }
                    try {
                        r += replaced();
                    } catch (IllegalStateException e) {
                        r += e.getMessage();
                    }
                    return Coroutine.of(r + await(overriddenAsync()) + await(throwFromCatch()));
                }
                String replaced() { return "!"; }
                @Async Coroutine<String> throwFromCatch() {
                    String t = "";
                    try {
                        try {
                            t += await(ok("s1;"));
                            throw new IllegalStateException("exception");
                        } catch (IllegalStateException e) {
                            t += await(ok("caught;"));
                            throw new IllegalArgumentException("fromCatch");
                        } finally {
                            t += await(ok("finally;"));
                        }
                    } catch (IllegalArgumentException e) {
                        return Coroutine.of(t + e.getMessage());
                    }
                }
                @Async Coroutine<String> overriddenAsync() {
                    try {
                        await(v(1));
                        throw new IllegalArgumentException("lost");
                    } finally {
                        await(ok(1));
                        return Coroutine.of("won");
                    }
                }
                String overridden() { return "."; }
                """);
        assertEquals("f0body1f1f2!wons1;caught;finally;fromCatch", out.get(Mode.DONE).value());
    }

    @Test
    void exceptionFromFinallyReplacesThePendingOne() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    try {
                        await(v(1));
                        throw new IllegalArgumentException("A");
                    } finally {
                        await(ok(2));
                        log("finally");
                        if (mode != null) throw new IllegalStateException("B");
                    }
                }
                """);
        assertEquals("java.lang.IllegalStateException: B", out.get(Mode.PENDING).failure());
    }

    @Test
    void breakThroughNestedFinallyBlocks() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    StringBuilder sb = new StringBuilder();
                    outer:
                    for (int i = 0; i < 2; i++) {
                        try {
                            sb.append('A');
                            for (int j = 0; ; j++) {
                                try {
                                    sb.append('C');
                                    await(ok(j));
                                    if (j == 1) break outer;
                                } finally {
                                    sb.append('E');
                                    await(ok(0));
                                    sb.append('D');
                                }
                            }
                        } finally {
                            sb.append('!');
                            await(ok(0));
                        }
                    }
                    sb.append('*');
                    return Coroutine.of(sb.toString());
                }
                """);
        assertEquals("ACEDCED!*", out.get(Mode.PENDING).value());
    }

    @Test
    void tailReturnedFailureIsNotCaughtByTheMethodsOwnCatch() {
        Map<Mode, Harness.Outcome> out = Harness.compiledOnly("""
                @Async Coroutine<String> run() {
                    try {
                        await(ok(1));
                        return inner();
                    } catch (IllegalStateException e) {
                        return Coroutine.of("caught");
                    }
                }
                @Async Coroutine<String> inner() {
                    await(ok(1));
                    throw new IllegalStateException("from inner");
                }
                """);
        assertEquals("java.lang.IllegalStateException: from inner", out.get(Mode.DONE).failure());
    }

    @Test
    void multiCatchClausesWhoseBodiesAwait() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                static class Odd extends java.io.IOException { Odd(String m) { super(m); } }
                static class Even extends java.sql.SQLException { Even(String m) { super(m); } }
                void risky(int i) throws Odd, Even {
                    if (i % 2 == 1) throw new Odd("odd " + i);
                    if (i > 0) throw new Even("even " + i);
                }
                String kind(Exception e) { return "exception"; }
                String kind(Object o) { return "object"; }
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 3; i++) {
                        try {
                            risky(i);
                            r += "none;";
                        } catch (Odd | Even e) {
                            r += await(v(e.getMessage())) + " " + kind(e);
                            r += await(v(e.getClass().getSimpleName())) + ";";
                        }
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("none;odd 1 exceptionOdd;even 2 exceptionEven;", out.get(Mode.PENDING).value());
    }
}
