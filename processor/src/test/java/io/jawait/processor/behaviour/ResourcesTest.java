package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** try-with-resources: AutoCloseable as in Java, AsyncCloseable awaited (checklist #48, #49). */
class ResourcesTest {

    @Test
    void autoCloseablesFollowJavaSemantics() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                class Res implements AutoCloseable {
                    final String name; final boolean failClose;
                    Res(String name, boolean failClose) { this.name = name; this.failClose = failClose; log("open " + name); }
                    public void close() { log("close " + name); if (failClose) throw new IllegalStateException("close " + name); }
                }
                Res make(String name) { if (name.equals("bad")) throw new IllegalArgumentException("init"); return new Res(name, false); }
                @Async Coroutine<String> run() {
                    try (Res a = new Res("a", false); Res b = new Res("b", false)) {
                        log("body " + await(v(1)));
                    }
                    try (Res a = new Res("c", false); Res b = make("bad")) {
                        log("unreached");
                    } catch (IllegalArgumentException e) {
                        log("caught " + e.getMessage());
                    }
                    try (Res n = null) {
                        await(ok(0));
                    }
                    try (Res d = new Res("d", true)) {
                        await(ok(0));
                        throw new IllegalArgumentException("body");
                    } catch (IllegalArgumentException e) {
                        log(e.getMessage() + " suppressed " + e.getSuppressed()[0].getMessage());
                    }
                    for (int i = 0; i < 2; i++) {
                        try (Res e = new Res("e" + i, false)) {
                            if (i == 0) continue;
                            return Coroutine.of("returned " + await(ok(i)));
                        }
                    }
                    return Coroutine.of("unreached");
                }
                """);
        assertEquals("returned 1", out.get(Mode.PENDING).value());
        assertEquals(List.of("open a", "open b", "body 1", "close b", "close a", "open c", "close c", "caught init",
                "open d", "close d", "body suppressed close d", "open e0", "close e0", "open e1", "close e1"),
                out.get(Mode.PENDING).trace());
    }

    @Test
    void asyncCloseablesAreAwaitedOnExit() {
        Map<Mode, Harness.Outcome> out = Harness.compiledOnly("""
                class Conn implements AsyncCloseable {
                    final String name;
                    Conn(String name) { this.name = name; }
                    public Coroutine<Void> closeAsync() { return closing(name); }
                    public Coroutine<Void> closeAsync(Throwable failure) { return swallow(name, failure); }
                }
                @Async Coroutine<Void> closing(String name) {
                    await(ok(0));
                    log("closed " + name);
                    return Coroutine.done();
                }
                @Async Coroutine<Void> swallow(String name, Throwable failure) {
                    await(ok(0));
                    log("swallowed " + failure.getMessage() + " by " + name);
                    return Coroutine.done();
                }
                @Async Coroutine<String> run() throws Exception {
                    try (Conn c = new Conn("one")) {
                        log("body");
                    }
                    try (var c = new Conn("two")) {
                        await(v(1));
                        log("not reached when failing");
                    }
                    return Coroutine.of("end");
                }
                """);
        assertEquals("end", out.get(Mode.PENDING).value());
        assertEquals(List.of("body", "closed one", "not reached when failing", "closed two"), out.get(Mode.PENDING).trace());
        assertEquals("end", out.get(Mode.FAILING).value());
        assertEquals(List.of("body", "closed one", "swallowed boom 1 by two"), out.get(Mode.FAILING).trace());
    }
}
