package io.jawait.processor.robustness;

import static io.jawait.processor.robustness.BrokenCase.declarations;
import static io.jawait.processor.robustness.BrokenCase.members;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Awaits where they are forbidden, alone, several at once, and together with ordinary javac
 * errors. An error from a processor makes javac stop before it checks bodies (its should-stop
 * policy), so then only the processor's errors are shown, each once, at the await; javac's own
 * errors follow on the next compile ({@link #fixingTheAwaitRevealsJavacsError}).
 */
class ForbiddenAwaitsTest {
    private static final String LAMBDA = "[AwaitInLambda]";
    private static final String LOCAL_CLASS = "[AwaitInLocalClass]";
    private static final String SYNCHRONIZED = "[AwaitInSynchronized]";
    private static final String OUTSIDE = "[AwaitOutsideAsync]";
    private static final String M = "@Async Coroutine<String> m(Coroutine<String> c, int n) {\n";

    static Stream<BrokenCase> cases() {
        return Stream.of(
                members("await in a lambda inside an arm that awaits", M + """
                            if (n > 0) {
                                await(c);
                                Supplier<String> f = () -> /*!*/await(c);
                            }
                            return Coroutine.of("");
                        }
                        """, LAMBDA),
                members("await in a lambda inside a lambda", M + """
                            Supplier<Supplier<String>> f = () -> () -> /*!*/await(c);
                            return Coroutine.of(await(c));
                        }
                        """, LAMBDA),
                members("await in a lambda passed to an awaited call", M + """
                            Function<Supplier<String>, Coroutine<String>> g = s -> Coroutine.of(s.get());
                            String s = await(g.apply(() -> /*!*/await(c)));
                            return Coroutine.of(s);
                        }
                        """, LAMBDA),
                members("await in a local class inside a loop that awaits", M + """
                            while (n-- > 0) {
                                await(c);
                                class Local { String get() { return /*!*/await(c); } }
                            }
                            return Coroutine.of("");
                        }
                        """, LOCAL_CLASS),
                members("await in an anonymous class inside a catch that awaits", M + """
                            try {
                                await(c);
                            } catch (RuntimeException e) {
                                await(c);
                                Runnable r = new Runnable() { public void run() { /*!*/await(c); } };
                            }
                            return Coroutine.of("");
                        }
                        """, LOCAL_CLASS),
                members("await in synchronized inside a try that awaits", M + """
                            try {
                                await(c);
                                synchronized (this) { /*!*/await(c); }
                            } finally {
                                await(c);
                            }
                            return Coroutine.of("");
                        }
                        """, SYNCHRONIZED),
                members("await in synchronized nested in a lambda", M + """
                            Runnable r = () -> { synchronized (this) { /*!*/await(c); } };
                            return Coroutine.of(await(c));
                        }
                        """, LAMBDA),
                members("method reference to await next to a real await", M + """
                            Function<Coroutine<String>, String> f = /*!*/Asyncio::await;
                            return Coroutine.of(await(c));
                        }
                        """, "[AwaitMethodReference]"),
                members("two forbidden awaits in one method", M + """
                            Supplier<String> f = () -> /*!*/await(c);
                            synchronized (this) { /*!*/await(c); }
                            return Coroutine.of(await(c));
                        }
                        """, LAMBDA, SYNCHRONIZED),
                members("forbidden awaits in two methods", M + """
                            Supplier<String> f = () -> /*!*/await(c);
                            return Coroutine.of(await(c));
                        }
                        @Async Coroutine<String> k(Coroutine<String> c) {
                            synchronized (this) { /*!*/await(c); }
                            return Coroutine.of("");
                        }
                        """, LAMBDA, SYNCHRONIZED),
                members("forbidden await and an unresolved name in the same method", M + """
                            Supplier<String> f = () -> /*!*/await(c);
                            int x = undefined;
                            return Coroutine.of(await(c));
                        }
                        """, LAMBDA),
                members("forbidden await and an error in a plain method of the class", M + """
                            synchronized (this) { /*!*/await(c); }
                            return Coroutine.of("");
                        }
                        void plain() { String s = 1; }
                        """, SYNCHRONIZED),
                members("await in a plain method next to a broken async method", M + """
                            String s = await(c);
                            return Coroutine.of(s + undefined);
                        }
                        String plain(Coroutine<String> c) { return /*!*/await(c); }
                        """, OUTSIDE),
                members("await in a constructor and in a field initializer", """
                            static Coroutine<String> c;
                            String field = /*!*/await(c);
                            Broken() { /*!*/await(c); }
                            @Async Coroutine<String> m() { return Coroutine.of(await(c)); }
                        """, OUTSIDE, OUTSIDE),
                members("synchronized async method that also has a type error", """
                            @Async synchronized Coroutine<String> /*!*/m(Coroutine<String> c) {
                                int x = await(c);
                                return Coroutine.of("");
                            }
                        """, SYNCHRONIZED),
                members("async method with a wrong return type and a forbidden await", """
                            @Async String /*!*/m(Coroutine<String> c) {
                                Supplier<String> f = () -> /*!*/await(c);
                                return await(c);
                            }
                        """, "[AsyncReturnType]", LAMBDA),
                declarations("forbidden await in a second class of the file", """
                        class Broken {
                            @Async Coroutine<String> m(Coroutine<String> c) {
                                return Coroutine.of(await(c) + 1);
                            }
                        }
                        class Other {
                            String get(Coroutine<String> c) { return /*!*/await(c); }
                        }
                        """, OUTSIDE),
                declarations("abstract async method and a forbidden await in an implementation", """
                        abstract class Broken {
                            @Async abstract Coroutine<String> /*!*/m(Coroutine<String> c);
                            @Async Coroutine<String> k(Coroutine<String> c) {
                                Runnable r = () -> /*!*/await(c);
                                return Coroutine.of(await(c));
                            }
                        }
                        """, "[AsyncWithoutBody]", LAMBDA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsEachForbiddenAwaitOnceAtTheAwait(BrokenCase c) {
        BrokenSources.check(c);
    }

    @Test
    void fixingTheAwaitRevealsJavacsError() {
        String body = M + """
                    Supplier<String> f = () -> %s;
                    int x = %sundefined;
                    return Coroutine.of(await(c) + x);
                }
                """;
        BrokenSources.check(members("forbidden await first", body.formatted("/*!*/await(c)", ""), LAMBDA));
        BrokenSources.check(members("then javac's error", body.formatted("\"\"", "/*!*/"), "cannot find symbol"));
    }
}
