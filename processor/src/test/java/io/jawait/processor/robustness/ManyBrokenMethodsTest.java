package io.jawait.processor.robustness;

import static io.jawait.processor.robustness.BrokenCase.members;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Many broken {@code @Async} methods in one class: exactly one error each, at each one's own
 * line, however many machines the processor splices into the class around them.
 */
class ManyBrokenMethodsTest {
    /** Bodies with one error each, after the method's leading awaits; {@code %1$d} is the method's index. */
    private static final String[][] BODIES = {
        {"int x = /*!*/undefined%1$d; return Coroutine.of(await(c) + x);", "cannot find symbol"},
        {"String s = await(c); String t = /*!*/%1$d; return Coroutine.of(s + t);", "incompatible types"},
        {"return Coroutine.of(await(/*!*/missing%1$d));", "cannot find symbol"},
        {"return Coroutine.of(await(/*!*/echo(\"a\", \"b\")));", "cannot be applied to given types"},
        {"await(c); return /*!*/%1$d;", "incompatible types"},
        {"if (n > %1$d) { await(c); /*!*/nope%1$d(); } return Coroutine.of(\"\");", "cannot find symbol"},
        {"try { await(c); } catch (RuntimeException e) { await(c); e/*!*/.nope(); } return Coroutine.of(\"\");",
            "cannot find symbol"},
        {"while (n-- > 0) { await(c); int k = /*!*/\"s\"; } return Coroutine.of(\"\");", "incompatible types"},
        {"Supplier<Integer> f = () -> /*!*/\"s\"; return Coroutine.of(await(c) + f.get());",
            "bad return type in lambda expression"},
        {"String s = await(c); int /*!*/s = %1$d; return Coroutine.of(\"\" + s);", "already defined"},
    };
    private static final int METHODS = 30;

    @Test
    void thirtyBrokenMethodsGiveExactlyThirtyErrorsEachAtItsLine() {
        StringBuilder members = new StringBuilder("Coroutine<String> echo(String s) { return Coroutine.of(s); }\n");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < METHODS; i++) {
            String[] body = BODIES[i % BODIES.length];
            String result = body[0].contains("return /*!*/") ? "Object" : "String";
            members.append("@Async Coroutine<").append(result).append("> m").append(i)
                    .append("(Coroutine<String> c, int n) {\n");
            for (int awaits = 0; awaits < i / BODIES.length; awaits++) {
                members.append("    await(c);\n");   // 0, 1 or 2 awaits before the error's statement
            }
            members.append("    ").append(body[0].formatted(i)).append("\n}\n");
            expected.add(body[1]);
        }
        BrokenSources.check(members("thirty broken methods", members.toString(), expected.toArray(String[]::new)));
    }

    @Test
    void flowErrorsInManyMethodsAreEachReportedOnce() {
        String members = """
                @Async Coroutine<Integer> a(Coroutine<String> c) {
                    await(c);
                    if (c != null) return Coroutine.of(1);
                /*!*/}
                @Async Coroutine<Integer> b(Coroutine<String> c) {
                    int y;
                    await(c);
                    return Coroutine.of(/*!*/y);
                }
                @Async Coroutine<Integer> d(Coroutine<String> c) {
                    await(c);
                    return Coroutine.of(1);
                    /*!*/await(c);
                }
                @Async Coroutine<Integer> e(Coroutine<String> c) {
                    await(c);
                    /*!*/throw new IOException();
                }
                @Async Coroutine<Integer> f(Coroutine<String> c) {
                    final int y;
                    while (c != null) { await(c); /*!*/y = 2; }
                    return Coroutine.of(1);
                }
                Integer plain(boolean b) {
                    if (b) return 1;
                /*!*/}
                """;
        BrokenSources.check(members("flow errors in five async methods and a plain one", members,
                "missing return statement", "might not have been initialized", "unreachable statement",
                "unreported exception", "might be assigned in loop", "missing return statement"));
    }
}
