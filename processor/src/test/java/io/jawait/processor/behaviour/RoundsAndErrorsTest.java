package io.jawait.processor.behaviour;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jawait.processor.AllAnnotationsProcessor;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import io.jawait.processor.AsyncProcessor;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A local whose type another processor generates in the same round is compiled in the next round;
 * errors in user code are reported once, by javac, at the user's line (the original body stays as
 * a type-checked twin).
 */
class RoundsAndErrorsTest {
    /** Generates {@code gen.Made} in the first round, as annotation processors commonly do. */
    static final class Generator extends AllAnnotationsProcessor {
        private boolean done;
        private final String members;

        Generator() {
            this("");
        }

        /** @param members more members of {@code gen.Made} */
        Generator(String members) {
            this.members = members;
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer w = processingEnv.getFiler().createSourceFile("gen.Made").openWriter()) {
                    w.write("package gen; public class Made { public static Made make() { return new Made(); }"
                            + " public String use() { return \"made\"; } " + members + " }");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return false;
        }
    }

    @Test
    void typeGeneratedInTheSameRoundIsResolvedNextRound() throws Exception {
        JavaFileObject f = JavaFileObjects.forSourceString("t.R", """
                package t;
                import io.jawait.*;
                import io.jawait.annotation.Async;
                import static io.jawait.Asyncio.*;
                public class R {
                    @Async public Coroutine<String> run() {
                        var m = gen.Made.make();
                        await(sleep(0.01));
                        return Coroutine.of(m.use());
                    }
                }
                """);
        Compilation c = Compiler.javac().withProcessors(new Generator(), new AsyncProcessor()).compile(f);
        assertThat(c).succeeded();
        Object r = Harness.loader(c).loadClass("t.R").getConstructor().newInstance();
        @SuppressWarnings("unchecked")
        Coroutine<String> run = (Coroutine<String>) r.getClass().getMethod("run").invoke(r);
        try (EventLoop loop = EventLoop.createVirtual()) {
            assertEquals("made", loop.runUntilComplete(run));
        }
    }

    /**
     * In the first round the body has an error (no {@code gen.Made} yet), so the processor holds
     * it back; javac caches the argument types it computed then by position, and they must not
     * decide the overload the finished program calls.
     */
    @Test
    void anArgumentOfAGeneratedTypeIsResolvedWithTheGeneratedType() throws Exception {
        JavaFileObject f = JavaFileObjects.forSourceString("t.P", """
                package t;
                import io.jawait.*;
                import io.jawait.annotation.Async;
                import static io.jawait.Asyncio.*;
                public class P {
                    @Async public Coroutine<String> run() {
                        String s = await(sleep(0.01, "x"));
                        return Coroutine.of(s + gen.Made.pick(gen.Made.id(gen.Made.make())));
                    }
                }
                """);
        Compilation c = Compiler.javac().withProcessors(new Generator("public static String pick(String s) {"
                + " return \"string\"; } public static String pick(Made m) { return \"made\"; }"
                + " public static <T> T id(T t) { return t; }"), new AsyncProcessor()).compile(f);
        assertThat(c).succeeded();
        Object p = Harness.loader(c).loadClass("t.P").getConstructor().newInstance();
        @SuppressWarnings("unchecked")
        Coroutine<String> run = (Coroutine<String>) p.getClass().getMethod("run").invoke(p);
        try (EventLoop loop = EventLoop.createVirtual()) {
            assertEquals("xmade", loop.runUntilComplete(run));
        }
    }

    @Test
    void typeErrorsAreReportedOnceAtTheUsersLine() {
        JavaFileObject f = JavaFileObjects.forSourceString("t.E", """
                package t;
                import io.jawait.*;
                import io.jawait.annotation.Async;
                import static io.jawait.Asyncio.*;
                public class E {
                    @Async public Coroutine<String> run() {
                        String s = await(sleep(0.01, "x"));
                        int wrong = s;
                        return Coroutine.of(s);
                    }
                }
                """);
        Compilation c = Compiler.javac().withProcessors(new AsyncProcessor()).compile(f);
        assertThat(c).hadErrorContaining("incompatible types").inFile(f).onLine(8);
        assertThat(c).hadErrorCount(1);
    }
}
