package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Local records, enums and interfaces declared in a block that awaits: the machine makes them its
 * member types, so they are visible in every state, and locals of their types can live across
 * awaits (lowering/MemberTypes).
 */
class LocalTypesTest {

    @Test
    void localRecordEnumAndInterfaceAcrossAwaits() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    record Pair(String name, int count) {
                        Pair bump(int by) { return new Pair(name, count + by); }
                    }
                    enum Level { LOW, HIGH; Level flip() { return this == LOW ? HIGH : LOW; } }
                    interface Shout { String shout(String s); }
                    Pair pair = new Pair(await(v("a")), 1);
                    var level = Level.LOW;
                    Shout shout = s -> s.toUpperCase() + "!";
                    for (int i = 0; i < 3; i++) {
                        pair = pair.bump(await(v(i)));
                        level = level.flip();
                        log(pair + " " + level);
                    }
                    var last = new Pair(shout.shout(await(v(pair.name()))), pair.count());
                    return Coroutine.of(last + " " + level + " " + Level.valueOf("HIGH").ordinal());
                }
                """);
        assertEquals("Pair[name=A!, count=4] HIGH 1", out.get(Mode.PENDING).value());
    }

    @Test
    void localRecordsOfTheSameNameInBlocksWithoutAwaitsStayLocal() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    String a;
                    {
                        record Box(String value) { }
                        a = new Box("x").value();
                    }
                    String b = await(v("y"));
                    {
                        record Tag(String value) { }
                        Tag tag = new Tag(b);
                        await(ok(0));
                        b = tag.value() + "2";
                    }
                    return Coroutine.of(a + b);
                }
                """);
        assertEquals("xy2", out.get(Mode.DONE).value());
    }

    @Test
    void aMovedRecordWithAnAsyncMethodOfItsOwn() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    record Greeter(String name) {
                        @Async Coroutine<String> greet(Mode mode) {
                            String got = await(mode.of(name));
                            return Coroutine.of("hi " + got);
                        }
                    }
                    String n = await(v("bob"));
                    Greeter g = new Greeter(n);
                    return Coroutine.of(await(g.greet(mode)) + await(v("!")));
                }
                """);
        assertEquals("hi bob!", out.get(Mode.PENDING).value());
    }

    @Test
    void localClassesThatUseNoLocalsOfTheMethod() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                String label = "L";
                String describe(Object o) { return label + o; }
                @Async Coroutine<String> run() {
                    class Counter {
                        int hits;
                        Counter hit() { hits++; log(describe(hits)); return this; }
                    }
                    class Named extends Counter {
                        final String name;
                        Named(String name) { this.name = name; }
                        @Override public String toString() { return name + "=" + hits; }
                    }
                    var counter = new Counter();
                    Named named = new Named(await(v("n")));
                    for (int i = 0; i < 3; i++) {
                        counter.hit();
                        named.hit().hit();
                        await(v(i));
                    }
                    return Coroutine.of(counter.hits + " " + named + " " + await(twice(mode, "s")));
                }
                @Async static <T> Coroutine<String> twice(Mode mode, T item) {
                    class Doubler {
                        String twice(Object o) { return "" + o + o; }
                    }
                    T got = await(mode.of(item));
                    Doubler d = new Doubler();
                    await(Coroutine.of(0));
                    return Coroutine.of(d.twice(got));
                }
                """);
        assertEquals("3 n=6 ss", out.get(Mode.PENDING).value());
    }
}
