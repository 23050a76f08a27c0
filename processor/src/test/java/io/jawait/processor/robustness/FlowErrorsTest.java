package io.jawait.processor.robustness;

import static io.jawait.processor.robustness.BrokenCase.members;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Flow and declaration errors around awaits (missing return, unreachable code, definite
 * assignment, jumps, duplicates, checked exceptions): javac checks the user's statements as
 * written, so it finds them exactly as without the processor.
 */
class FlowErrorsTest {
    private static final String C = "Coroutine<String> c";

    static Stream<BrokenCase> cases() {
        return Stream.of(
                members("missing return after an await", """
                        @Async Coroutine<Integer> m(%s) {
                            await(c);
                            if (c != null) return Coroutine.of(1);
                        /*!*/}
                        """.formatted(C), "missing return statement"),
                members("missing return after a loop that awaits", """
                        @Async Coroutine<Integer> m(%s) {
                            for (int i = 0; i < 3; i++) {
                                if (await(c).isEmpty()) return Coroutine.of(i);
                            }
                        /*!*/}
                        """.formatted(C), "missing return statement"),
                members("statement after a return after an await", """
                        @Async Coroutine<Integer> m(%s) {
                            await(c);
                            return Coroutine.of(1);
                            /*!*/System.out.println();
                        }
                        """.formatted(C), "unreachable statement"),
                members("await after an endless loop that awaits", """
                        @Async Coroutine<Integer> m(%s) {
                            while (true) {
                                await(c);
                            }
                            /*!*/await(c);
                        }
                        """.formatted(C), "unreachable statement"),
                members("statement after a throw in a catch that awaits", """
                        @Async Coroutine<Integer> m(%s) {
                            try {
                                await(c);
                            } catch (RuntimeException e) {
                                await(c);
                                throw e;
                                /*!*/await(c);
                            }
                            return Coroutine.of(1);
                        }
                        """.formatted(C), "unreachable statement"),
                members("uninitialized local read after an await", """
                        @Async Coroutine<Integer> m(%s) {
                            int y;
                            await(c);
                            return Coroutine.of(/*!*/y);
                        }
                        """.formatted(C), "might not have been initialized"),
                members("local assigned in one arm that awaits", """
                        @Async Coroutine<Integer> m(%s) {
                            int y;
                            if (c != null) {
                                y = await(c).length();
                            }
                            return Coroutine.of(/*!*/y);
                        }
                        """.formatted(C), "might not have been initialized"),
                members("local assigned only inside a try that awaits", """
                        @Async Coroutine<Integer> m(%s) {
                            int y;
                            try {
                                y = await(c).length();
                            } catch (RuntimeException e) {
                                await(c);
                            }
                            return Coroutine.of(/*!*/y);
                        }
                        """.formatted(C), "might not have been initialized"),
                members("final local assigned again after an await", """
                        @Async Coroutine<Integer> m(%s) {
                            final int y = 1;
                            await(c);
                            /*!*/y = 2;
                            return Coroutine.of(y);
                        }
                        """.formatted(C), "cannot assign a value to final variable y"),
                members("local changed after an await and captured by a lambda", """
                        @Async Coroutine<Integer> m(%s) {
                            int y = 1;
                            y = await(c).length();
                            Supplier<Integer> f = () -> /*!*/y;
                            return Coroutine.of(f.get());
                        }
                        """.formatted(C), "must be final or effectively final"),
                members("break outside a loop after an await", """
                        @Async Coroutine<Integer> m(%s) {
                            await(c);
                            /*!*/break;
                        }
                        """.formatted(C), "break outside switch or loop"),
                members("continue outside a loop inside an if that awaits", """
                        @Async Coroutine<Integer> m(%s) {
                            if (c != null) {
                                await(c);
                                /*!*/continue;
                            }
                            return Coroutine.of(1);
                        }
                        """.formatted(C), "continue outside of loop"),
                members("break to a missing label in a loop that awaits", """
                        @Async Coroutine<Integer> m(%s) {
                            while (c != null) {
                                await(c);
                                /*!*/break nowhere;
                            }
                            return Coroutine.of(1);
                        }
                        """.formatted(C), "undefined label: nowhere"),
                members("duplicate local after an await", """
                        @Async Coroutine<Integer> m(%s) {
                            String s = await(c);
                            int /*!*/s = 2;
                            return Coroutine.of(s);
                        }
                        """.formatted(C), "already defined"),
                members("local redeclaring a parameter inside a loop that awaits", """
                        @Async Coroutine<Integer> m(%s) {
                            for (int i = 0; i < 2; i++) {
                                await(c);
                                String /*!*/c = "x";
                            }
                            return Coroutine.of(1);
                        }
                        """.formatted(C), "already defined"),
                members("lambda parameter shadowing a local live across an await", """
                        @Async Coroutine<Integer> m(%s) {
                            String s = await(c);
                            Function<String, Integer> f = /*!*/s -> 1;
                            await(c);
                            return Coroutine.of(f.apply(s));
                        }
                        """.formatted(C), "already defined"),
                members("checked exception thrown after an await", """
                        @Async Coroutine<Integer> m(%s) {
                            await(c);
                            /*!*/throw new IOException("x");
                        }
                        """.formatted(C), "unreported exception java.io.IOException"),
                members("checked exception from a call in an awaited argument", """
                        Coroutine<String> load() throws IOException { return Coroutine.of("x"); }
                        @Async Coroutine<Integer> m(%s) {
                            String s = await(load/*!*/());
                            return Coroutine.of(s.length());
                        }
                        """.formatted(C), "unreported exception java.io.IOException"),
                members("waitFor's TimeoutException neither caught nor declared", """
                        @Async Coroutine<Integer> m(%s) {
                            String s = await(waitFor/*!*/(c, 1.0));
                            return Coroutine.of(s.length());
                        }
                        """.formatted(C), "unreported exception java.util.concurrent.TimeoutException"),
                members("async with over a timeout whose TimeoutException is not declared", """
                        @Async Coroutine<Integer> m(%s) {
                            try (Timeout /*!*/t = timeout(1.0)) {
                                await(c);
                            }
                            return Coroutine.of(1);
                        }
                        """.formatted(C), "unreported exception java.util.concurrent.TimeoutException"),
                members("checked exception in a lambda of an async body", """
                        @Async Coroutine<Integer> m(%s) {
                            Runnable r = () -> { /*!*/throw new IOException("x"); };
                            await(c);
                            r.run();
                            return Coroutine.of(1);
                        }
                        """.formatted(C), "unreported exception java.io.IOException"),
                members("catch of a checked exception nothing throws", """
                        @Async Coroutine<Integer> m(%s) {
                            try {
                                await(c);
                            } /*!*/catch (IOException e) {
                                return Coroutine.of(0);
                            }
                            return Coroutine.of(1);
                        }
                        """.formatted(C), "is never thrown in body of corresponding try statement"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheUsersErrorOnceAtItsPosition(BrokenCase c) {
        BrokenSources.check(c);
    }
}
