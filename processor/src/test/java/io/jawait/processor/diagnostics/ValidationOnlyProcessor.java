package io.jawait.processor.diagnostics;

import io.jawait.processor.AllAnnotationsProcessor;
import io.jawait.processor.analysis.misuse.MisuseChecker;
import io.jawait.processor.javac.CompilerEnvironment;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Test-only stand-in for the pipeline's AsyncProcessor: it makes the same calls to
 * {@link CompilerEnvironment} and {@link MisuseChecker} and compiles nothing.
 */
public final class ValidationOnlyProcessor extends AllAnnotationsProcessor {
    private final UnaryOperator<ProcessingEnvironment> wrapper;
    private final int checksPerRound;
    private CompilerEnvironment compiler;
    private MisuseChecker checker;

    /** Used by the child-JVM test through {@code -processor}. */
    public ValidationOnlyProcessor() {
        this(UnaryOperator.identity(), 1);
    }

    /**
     * @param wrapper applied to the environment before probing (simulates IDE proxies)
     * @param checksPerRound how often each element is checked per round (a pipeline that
     *     defers a method checks it again in a later round)
     */
    ValidationOnlyProcessor(UnaryOperator<ProcessingEnvironment> wrapper, int checksPerRound) {
        this.wrapper = wrapper;
        this.checksPerRound = checksPerRound;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        compiler = CompilerEnvironment.probe(wrapper.apply(env));
        if (compiler.usable()) {
            Reporter reporter = new Reporter(compiler.trees(), compiler.javacEnv().getMessager());
            checker = new MisuseChecker(compiler.trees(), reporter);
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!compiler.usable()) {
            compiler.reportIfUnusable();
            return false;
        }
        for (int i = 0; i < checksPerRound; i++) {
            check(round);
        }
        return false;
    }

    private void check(RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
            checker.checkAwaitsOutsideAsync(root);
        }
        TypeElement async = compiler.javacEnv().getElementUtils()
                .getTypeElement("io.jawait.annotation.Async");
        if (async != null) {
            for (Element element : round.getElementsAnnotatedWith(async)) {
                if (element instanceof ExecutableElement method) {
                    checker.checkAsyncMethod(method);
                }
            }
        }
    }
}
