package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Awaits inside larger expressions: evaluation order and Java's checks (checklist A.2). */
class NestedExpressionTest {

    @Test
    void argumentsAreEvaluatedLeftToRight() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                int g(int i) { log("g" + i); return i; }
                String f(Object... xs) { return Arrays.toString(xs); }
                @Async Coroutine<String> run() {
                    String a = f(g(1), g(2), await(v(g(3))), g(4));
                    String b = f(1, await(ok(2)), 3, await(ok(await(ok(4)) + 1)), await(ok(6)), 7);
                    return Coroutine.of(a + b + await(await(ok(ok("nested")))).length());
                }
                """);
        assertEquals("[1, 2, 3, 4][1, 2, 3, 5, 6, 7]6", out.get(Mode.PENDING).value());
        assertEquals(List.of("g1", "g2", "g3", "g4"), out.get(Mode.PENDING).trace());
    }

    @Test
    void compoundAssignmentReadsTheTargetBeforeTheAwait() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                int x = 1;
                int[] arr = {10, 20};
                byte small = 1;
                @Async Coroutine<Integer> bump(int by) { x += 100; arr = new int[] {0, 0}; return Coroutine.of(by); }
                int i() { log("i"); return 1; }
                @Async Coroutine<String> run() {
                    x += await(bump(5));
                    int[] a = arr;
                    a[i()] += await(bump(2));
                    small += await(ok(300));
                    int local = 1;
                    local *= await(ok(7));
                    return Coroutine.of(x + " " + a[1] + " " + small + " " + local);
                }
                """);
        assertEquals("106 2 45 7", out.get(Mode.DONE).value());
    }

    @Test
    void arrayAndFieldStoresCheckAfterTheAwait() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                static class Box { int f; }
                @Async Coroutine<String> run() {
                    int[] small = new int[1];
                    try {
                        small[5] = await(ok(log2("rhs")));
                    } catch (ArrayIndexOutOfBoundsException e) {
                        log("bounds after rhs");
                    }
                    Box box = null;
                    try {
                        box.f = await(ok(log2("field rhs")));
                    } catch (NullPointerException e) {
                        log("npe after rhs");
                    }
                    int[] none = null;
                    try {
                        none[0] += await(ok(log2("never")));
                    } catch (NullPointerException e) {
                        log("npe before rhs");
                    }
                    return Coroutine.of("done");
                }
                int log2(String s) { log(s); return 1; }
                """);
        assertEquals(List.of("rhs", "bounds after rhs", "field rhs", "npe after rhs", "npe before rhs"),
                out.get(Mode.PENDING).trace());
    }

    @Test
    void receiversAndOperandsAreCapturedBeforeTheAwait() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                List<String> list = new ArrayList<>();
                int n = 1;
                @Async Coroutine<String> swap() { List<String> old = list; list = new ArrayList<>(); n = 100; return Coroutine.of("x"); }
                @Async Coroutine<String> run() {
                    List<String> first = list;
                    this.list.add(await(swap()));
                    int sum = n + await(swap()).length();
                    int neg = -await(ok(3));
                    boolean not = !await(ok(false));
                    String s = "a" + n + await(ok("!"));
                    return Coroutine.of(first + " " + list + " " + sum + neg + not + s);
                }
                """);
        assertEquals("[x]  [] 101-3truea100!", out.get(Mode.DONE).value().toString().replace("[] ", " [] "));
    }

    @Test
    void nestedAwaitsInConditionsAndLoops() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                Iterator<String> items = List.of("a", "b", "c").iterator();
                @Async Coroutine<String> next() { return Coroutine.of(items.hasNext() ? items.next() : null); }
                @Async Coroutine<Integer> run() {
                    int n = 0;
                    while (await(next()) != null) n++;
                    int total = 0;
                    for (int i = await(ok(0)); i < await(ok(4)); i += await(ok(1))) {
                        if (i % 2 == 1) continue;
                        total += await(v(i));
                    }
                    if (await(ok(n)) > 2 && total == 2) return Coroutine.of(n * 100 + total);
                    return Coroutine.of(-1);
                }
                """);
        assertEquals(302, out.get(Mode.PENDING).value());
    }

    @Test
    void unboxingNullThrowsAtTheStatement() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    try {
                        int x = await(ok((Integer) null));
                        return Coroutine.of("no " + x);
                    } catch (NullPointerException e) {
                        return Coroutine.of("npe");
                    }
                }
                """);
        assertEquals("npe", out.get(Mode.PENDING).value());
    }

    @Test
    void conditionalsAndShortCircuitsNeverEvaluateTheUntakenSide() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<Integer> f(int x) { log("f" + x); return Coroutine.of(x); }
                @Async Coroutine<Boolean> b(boolean x) { log("b" + x); return Coroutine.of(x); }
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 2; i++) {
                        boolean c = i == 0;
                        int a = c ? 1 : await(f(2));
                        int z = c ? await(f(3)) : 4;
                        boolean and = c && await(b(true));
                        boolean or = c || await(b(false));
                        r += a + "" + z + and + or + ";";
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("13truetrue;24falsefalse;", out.get(Mode.PENDING).value());
        assertEquals(List.of("f3", "btrue", "f2", "bfalse"), out.get(Mode.PENDING).trace());
    }

    @Test
    void operandsLeftOfAnAwaitAreEvaluatedFirst() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                int[] arr = {1, 2, 3};
                StringBuilder sb = new StringBuilder("s");
                record P(String a, String b) { }
                @Async Coroutine<Integer> idx() { arr = new int[] {7, 8, 9}; return Coroutine.of(2); }
                @Async Coroutine<String> appendX() { sb.append("X"); return Coroutine.of("!"); }
                String a() { log("a"); return "A"; }
                Object none() { log("none"); return null; }
                @Async Coroutine<String> run() {
                    int read = arr[await(idx())];
                    String concat = "a" + sb + await(appendX());
                    int i = 1;
                    int inc = i++ + await(ok(10));
                    i = i++ + await(ok(100));
                    P p = new P(a(), await(v("B")));
                    int[] filled = new int[] {1, await(ok(2)), 3};
                    String[][] sized = new String[await(ok(2))][];
                    read += filled[1] * 10 + sized.length * 100;
                    try {
                        none().equals(await(ok(log2("arg"))));
                    } catch (NullPointerException e) {
                        log("npe after the argument");
                    }
                    return Coroutine.of(read + concat + inc + i + p);
                }
                String log2(String s) { log(s); return s; }
                """);
        assertEquals("223as!11102P[a=A, b=B]", out.get(Mode.PENDING).value());
        assertEquals(List.of("a", "none", "arg", "npe after the argument"), out.get(Mode.PENDING).trace());
    }

    @Test
    void explicitTypeArgumentsAndQualifiedInnerCreation() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                <T> List<T> listOf(T a, T b) { return List.of(a, b); }
                class Inner {
                    final String s;
                    Inner(String s) { this.s = s; }
                }
                @Async Coroutine<String> run() {
                    List<Object> l = this.<Object>listOf(await(v("x")), 1);
                    Inner inner = this.new Inner(await(v("y")));
                    return Coroutine.of(l + inner.s);
                }
                """);
        assertEquals("[x, 1]y", out.get(Mode.PENDING).value());
    }

    @Test
    void anonymousClassCreationWithAwaitsInItsArguments() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                abstract static class Named {
                    final String name;
                    Named(String name, int n) { this.name = name + n; }
                    abstract String greet();
                }
                int g(int i) { log("g" + i); return i; }
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 2; i++) {
                        int k = i;
                        Named named = new Named(await(v("n")), g(k) + await(v(10))) {
                            String greet() { return "hi " + name + " " + k; }
                        };
                        r += named.greet() + ";";
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("hi n10 0;hi n11 1;", out.get(Mode.PENDING).value());
        assertEquals(List.of("g0", "g1"), out.get(Mode.PENDING).trace());
    }
}
