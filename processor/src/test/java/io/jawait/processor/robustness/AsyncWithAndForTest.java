package io.jawait.processor.robustness;

import static io.jawait.processor.robustness.BrokenCase.members;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Errors inside Python's {@code async with} and {@code async for} (try-with-resources over an
 * {@code AsyncCloseable}, for-each over an {@code AsyncIterable}), labeled jumps, nested
 * statements, patterns, asserts, method references and throws around awaits.
 */
class AsyncWithAndForTest {
    private static final String NOT_FOUND = "cannot find symbol";
    private static final String TYPES = """
            static class Res implements AsyncCloseable {
                public Coroutine<Void> closeAsync() { return Coroutine.done(); }
                public void close() { }
            }
            static class Items implements AsyncIterable<String> {
                public AsyncIterator<String> asyncIterator() { return null; }
                public Iterator<String> iterator() { return null; }
            }
            """;

    static Stream<BrokenCase> cases() {
        return Stream.of(
                members("missing method of an async resource in its body", TYPES + """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            try (Res r = new Res()) {
                                await(c);
                                r/*!*/.nope();
                            }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("second resource initializer unresolved", TYPES + """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            try (Res r = new Res(); Res q = /*!*/nope()) {
                                await(c);
                            }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("wrong type in the body of an async for", TYPES + """
                        @Async Coroutine<String> m(Coroutine<String> c, Items items) {
                            for (String s : items) {
                                int x = /*!*/s;
                            }
                            return Coroutine.of("");
                        }
                        """, "incompatible types"),
                members("wrong element type of an async for", TYPES + """
                        @Async Coroutine<String> m(Coroutine<String> c, Items items) {
                            for (Integer s : /*!*/items) {
                                await(c);
                            }
                            return Coroutine.of("");
                        }
                        """, "incompatible types"),
                members("error after labeled jumps in nested loops that await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            outer:
                            for (int i = 0; i < 3; i++) {
                                inner:
                                for (int j = 0; j < 3; j++) {
                                    await(c);
                                    if (j == 1) continue outer;
                                    if (j == 2) break inner;
                                    /*!*/nope();
                                }
                            }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("error in a case of a switch on an await, in a try, in a do loop", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            do {
                                try {
                                    switch (await(c)) {
                                        case "a": { await(c); /*!*/nope(); }
                                        default: break;
                                    }
                                } finally {
                                    await(c);
                                }
                            } while (false);
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("pattern binding used wrongly after an await in its condition", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            Object o = await(c);
                            if (o instanceof String t && t.length() > await(c).length()) {
                                return Coroutine.of(t/*!*/.nope());
                            }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("wrong type of a loop variable over an array, body awaits", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            int[] a = {1, 2};
                            for (int v : a) { await(c); String z = /*!*/v; }
                            return Coroutine.of("");
                        }
                        """, "incompatible types"),
                members("assert with a missing method after an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            String r = await(c);
                            assert r/*!*/.nope();
                            return Coroutine.of(r);
                        }
                        """, NOT_FOUND),
                members("method reference to a missing method before an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            Runnable r = /*!*/this::nope;
                            await(c);
                            return Coroutine.of("" + r);
                        }
                        """, "invalid method reference"),
                members("throw of an awaited String", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            String s = await(c);
                            /*!*/throw s;
                        }
                        """, "incompatible types"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheUsersErrorOnceAtItsPosition(BrokenCase c) {
        BrokenSources.check(c);
    }
}
