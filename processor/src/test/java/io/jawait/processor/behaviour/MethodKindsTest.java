package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Static, generic, varargs, overloaded and nested-class methods; primitive locals (checklist #54). */
class MethodKindsTest {

    @Test
    void staticGenericVarargsAndOverloads() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async static <T extends Comparable<T>> Coroutine<T> max(Mode mode, List<T> items) {
                    T best = null;
                    for (T item : items) {
                        T seen = await(mode.of(item));
                        if (best == null || seen.compareTo(best) > 0) best = seen;
                    }
                    return Coroutine.of(best);
                }
                @Async Coroutine<Integer> sum(int... xs) {
                    int total = 0;
                    for (int x : xs) total += await(v(x));
                    return Coroutine.of(total);
                }
                @Async Coroutine<Integer> sum(long a) { return Coroutine.of((int) a + await(v(1))); }
                @Async Coroutine<String> run() {
                    long big = 1L << 40;
                    double d = 0.5;
                    char c = 'c';
                    boolean flag = true;
                    String m = await(max(mode, List.of("b", "d", "a")));
                    int s = await(sum(1, await(v(2)), 3));
                    int s2 = await(sum(5L));
                    return Coroutine.of(m + s + s2 + big + d + c + flag);
                }
                """);
        assertEquals("d6610995116277760.5ctrue", out.get(Mode.DONE).value());
    }

    @Test
    void nestedInnerRecordAndEnumOwners() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                class Inner {
                    private final String tag = "inner";
                    @Async Coroutine<String> tagged(String s) { return Coroutine.of(tag + await(v(s))); }
                }
                static class Nested {
                    @Async static Coroutine<String> twice(Mode mode, String s) {
                        String once = await(mode.of(s));
                        return Coroutine.of(once + once);
                    }
                }
                class Box<T> {
                    private T item;
                    Box(T item) { this.item = item; }
                    @Async <U> Coroutine<Map<T, U>> pair(Mode mode, U other) {
                        T mine = await(mode.of(item));
                        return Coroutine.of(Map.of(mine, await(mode.of(other))));
                    }
                }
                record Point(int x, int y) {
                    @Async Coroutine<Integer> sum(Mode mode) { return Coroutine.of(x + await(mode.of(y))); }
                }
                enum Op {
                    PLUS;
                    @Async Coroutine<String> show(Mode mode) { return Coroutine.of(name() + await(mode.of("!"))); }
                }
                @Async Coroutine<String> run() {
                    String a = await(new Inner().tagged("-"));
                    String b = await(Nested.twice(mode, "n"));
                    int c = await(new Point(1, 2).sum(mode));
                    String d = await(Op.PLUS.show(mode));
                    Map<String, Integer> e = await(new Box<>("k").pair(mode, 5));
                    return Coroutine.of(a + b + c + d + e);
                }
                """);
        assertEquals("inner-nn3PLUS!{k=5}", out.get(Mode.PENDING).value());
    }

    @Test
    void interfaceStaticAndDefaultMethods() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                interface Named<T> {
                    String name();
                    T value();
                    @Async default Coroutine<String> describe(Mode mode, String sep) {
                        T v = await(mode.of(value()));
                        return Coroutine.of(name() + sep + v + this.name().length() + await(suffix(mode)).length());
                    }
                    @Async static Coroutine<String> suffix(Mode mode) { return Coroutine.of(await(mode.of("!"))); }
                }
                record Item(String name, Integer value) implements Named<Integer> { }
                @Async Coroutine<String> run() {
                    Named<Integer> item = new Item("n", 7);
                    return Coroutine.of(await(item.describe(mode, "=")) + await(Named.suffix(mode)));
                }
                """);
        assertEquals("n=711!", out.get(Mode.PENDING).value());
    }

    @Test
    void parametersNamedLikeTheMachinesOwnFields() {
        // The machine has a state field, and a default method's machine a self field: parameters
        // with those names keep their values in fields of other names.
        Map<Mode, Harness.Outcome> out = Harness.check("""
                interface Greeter {
                    String name();
                    @Async default Coroutine<String> greet(Mode mode, String self, int state) {
                        String heard = await(mode.of(self));
                        state = state + await(mode.of(1));
                        java.util.function.Supplier<String> later = () -> self + "'";
                        return Coroutine.of(name() + ":" + heard + state + later.get());
                    }
                }
                record Person(String name) implements Greeter { }
                @Async Coroutine<String> counted(int state, String state$param) {
                    int before = state;
                    for (int i = 0; i < 3; i++) {
                        state += await(v(i));
                    }
                    return Coroutine.of(before + "->" + state + state$param);
                }
                @Async Coroutine<String> run() {
                    return Coroutine.of(await(new Person("p").greet(mode, "s", 1)) + "|" + await(counted(10, "!")));
                }
                """);
        assertEquals("p:s2s'|10->13!", out.get(Mode.PENDING).value());
    }

    @Test
    void asyncMethodsOfLocalAndAnonymousClassesAndLocalRecords() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                String prefix = "p";
                Coroutine<String> viaLocal(String suffix) {
                    int captured = 40;
                    class Local {
                        private int hits;
                        @Async Coroutine<String> tagged(String s) {
                            hits++;
                            String seen = await(v(s));
                            return Coroutine.of(prefix + seen + suffix + (captured + hits + await(v(1))));
                        }
                        @Async static <T> Coroutine<T> same(Coroutine<T> c) { return Coroutine.of(await(c)); }
                    }
                    return Local.same(new Local().tagged("a"));
                }
                Coroutine<String> viaRecord() {
                    record Pair(String a, String b) {
                        @Async Coroutine<String> joined(Coroutine<String> more) {
                            return Coroutine.of(a + b + await(more));
                        }
                    }
                    return new Pair("l", "r").joined(v("!"));
                }
                interface Handler { Coroutine<String> handle(String request); }
                Handler handler(String greeting) {
                    return new Handler() {
                        private int calls;
                        @Override
                        @Async
                        public Coroutine<String> handle(String request) {
                            calls++;
                            String body = await(v(request));
                            return Coroutine.of(greeting + " " + body + " #" + calls);
                        }
                    };
                }
                @Async Coroutine<String> run() {
                    Handler h = handler("hi");
                    return Coroutine.of(await(viaLocal("x")) + " " + await(viaRecord()) + " " + await(h.handle("a"))
                            + " " + await(h.handle("b")));
                }
                """);
        assertEquals("pax42 lr! hi a #1 hi b #2", out.get(Mode.PENDING).value());
    }
}
