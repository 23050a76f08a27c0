package io.jawait.processor.robustness;

import static io.jawait.processor.robustness.BrokenCase.members;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jawait.processor.AllAnnotationsProcessor;
import com.google.testing.compile.Compilation;
import io.jawait.processor.AsyncProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * The processor runs once per round, retries methods deferred for a type generated later, and may
 * be reused for another compilation: none of that reports anything twice.
 */
class RepeatedProcessingTest {
    /** Generates {@code gen.Made1} in the first round and {@code gen.Made2} in the second: four rounds. */
    static final class TwoRoundGenerator extends AllAnnotationsProcessor {
        private int round;

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
            round++;
            if (round <= 2) {
                String name = "Made" + round;
                try (Writer w = processingEnv.getFiler().createSourceFile("gen." + name).openWriter()) {
                    w.write("package gen; public class " + name + " { public static " + name + " make() { return new "
                            + name + "(); } public String use() { return \"" + name + "\"; } }");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    private static List<Processor> generator() {
        return List.of(new TwoRoundGenerator());
    }

    @Test
    void javacErrorsInMethodsDeferredOverSeveralRoundsAreReportedOnce() {
        BrokenSources.check(members("errors in deferred methods", """
                @Async Coroutine<String> laterType(Coroutine<String> c) {
                    gen.Made2 m = gen.Made2.make();
                    await(c);
                    int x = /*!*/"s";
                    return Coroutine.of(m.use() + x);
                }
                @Async Coroutine<String> inferredLaterType(Coroutine<String> c) {
                    var m = gen.Made1.make();
                    await(c);
                    return Coroutine.of(m.use() + /*!*/undefined);
                }
                @Async Coroutine<String> neverResolved(Coroutine<String> c) {
                    /*!*/Missing y = null;
                    await(c);
                    return Coroutine.of("" + y);
                }
                @Async Coroutine<String> plainError(Coroutine<String> c) {
                    await(c);
                    return Coroutine.of/*!*/(5);
                }
                """, "incompatible types", "cannot find symbol", "cannot find symbol", "incompatible types"),
                RepeatedProcessingTest::generator);
    }

    @Test
    void forbiddenAwaitsAreReportedOnceOverSeveralRounds() {
        BrokenSources.check(members("forbidden awaits over rounds", """
                @Async Coroutine<String> laterType(Coroutine<String> c) {
                    gen.Made2 m = gen.Made2.make();
                    Supplier<String> f = () -> /*!*/await(c);
                    await(c);
                    return Coroutine.of(m.use());
                }
                @Async Coroutine<String> deferred(Coroutine<String> c) {
                    var m = gen.Made2.make();
                    await(c);
                    return Coroutine.of(m.use());
                }
                String plain(Coroutine<String> c) { return /*!*/await(c); }
                @Async synchronized Coroutine<String> /*!*/locked(Coroutine<String> c) {
                    return Coroutine.of(await(c));
                }
                """, "[AwaitInLambda]", "[AwaitOutsideAsync]", "[AwaitInSynchronized]"),
                RepeatedProcessingTest::generator);
    }

    /** Runs the real processor twice in every round, as a host that re-processes a round would. */
    static final class ProcessingTwice extends AllAnnotationsProcessor {
        private final AsyncProcessor delegate = new AsyncProcessor();

        @Override
        public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            delegate.init(env);
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
            delegate.process(annotations, env);
            return delegate.process(annotations, env);
        }
    }

    @Test
    void processingEveryRoundTwiceReportsNothingTwiceAndCompilesEachMethodOnce() {
        BrokenCase javacErrors = members("javac's errors", """
                @Async Coroutine<String> m(Coroutine<String> c) {
                    String s = await(c);
                    int x = /*!*/s;
                    return Coroutine.of(s);
                }
                @Async Coroutine<String> k(Coroutine<String> c) {
                    gen.Made2 m = gen.Made2.make();
                    await(c);
                    return Coroutine.of(m.use() + /*!*/undefined);
                }
                """, "incompatible types", "cannot find symbol");
        BrokenCase processorErrors = members("the processor's errors", """
                @Async Coroutine<String> k(Coroutine<String> c) {
                    Runnable r = () -> /*!*/await(c);
                    return Coroutine.of(await(c));
                }
                String plain(Coroutine<String> c) { return /*!*/await(c); }
                """, "[AwaitInLambda]", "[AwaitOutsideAsync]");
        for (BrokenCase c : List.of(javacErrors, processorErrors)) {
            Compilation compilation = BrokenSources.compile(c.file(),
                    List.of(new TwoRoundGenerator(), new ProcessingTwice()));
            Compilation once = BrokenSources.compile(c.file(), List.of(new TwoRoundGenerator(), new AsyncProcessor()));
            assertEquals(c.positions().size(), compilation.errors().size(),
                    () -> c + "\n" + BrokenSources.describe(compilation.diagnostics()));
            assertEquals(BrokenSources.describe(BrokenSources.sorted(once.diagnostics())),
                    BrokenSources.describe(BrokenSources.sorted(compilation.diagnostics())), c::toString);
        }
    }
}
