package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Multi-catch clauses whose bodies await: the parameter keeps the alternatives' common type. */
class MultiCatchTest {

    @Test
    void multiCatchBodiesAwaitAndUseTheParameterAcrossAwaits() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                static class Base extends RuntimeException { Base(String m) { super(m); } String code() { return "C" + getMessage(); } }
                static class A extends Base { A() { super("a"); } }
                static class B extends Base { B() { super("b"); } }
                void raise(int i) { if (i == 0) throw new A(); if (i == 1) throw new B(); if (i == 2) throw new IllegalStateException("x"); }
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 4; i++) {
                        try {
                            raise(i);
                            r += await(v("-"));
                        } catch (A | B e) {
                            log("before " + e.code());
                            r += await(ok(e.code()));
                            r += e.getMessage();
                        } catch (IllegalArgumentException | IllegalStateException | Mode.Boom e) {
                            r += "[" + await(ok(e.getMessage())) + "]";
                        }
                    }
                    try {
                        raise(2);
                    } catch (A | IllegalStateException e) {
                        r += await(ok("!"));
                        try {
                            throw e;
                        } catch (RuntimeException again) {
                            r += again.getMessage();
                        }
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("CaaCbb[x]-!x", out.get(Mode.DONE).value());
    }
}
