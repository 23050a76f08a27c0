package io.jawait.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import io.jawait.processor.analysis.misuse.MisuseChecker;
import io.jawait.processor.diagnostics.DiagnosticId;
import io.jawait.processor.diagnostics.Reporter;
import io.jawait.processor.javac.CompilerEnvironment;
import io.jawait.processor.javac.MachineSplicer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The jawait compiler: rewrites the body of every {@code @Async} method in place into a state
 * machine (see {@code docs} and {@link MethodCompiler}).
 *
 * <p>Claims every annotation type ({@code "*"}) so that it also sees files without
 * {@code @Async}, where a stray {@code await} must be reported. Never claims anything (returns
 * {@code false}) and never lets an exception escape into javac.
 */
@AutoService(Processor.class)
public final class AsyncProcessor extends AbstractProcessor {
    /** Option: also write each machine, with the user's code in it, as readable source. */
    public static final String DUMP_OPTION = "jawait.dump";
    static final String ASYNC = "io.jawait.annotation.Async";

    private Reporter reporter;
    private MisuseChecker misuse;
    private MethodCompiler compiler;
    private boolean usable;
    /** Methods whose local types were not resolved yet, as {@code owner#index}: retried next round. */
    private final Set<String> deferred = new LinkedHashSet<>();
    /** Methods checked and spliced (or rejected), as {@code owner#index}: never spliced twice. */
    private final Set<String> done = new HashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(DUMP_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        CompilerEnvironment compilerEnv = CompilerEnvironment.probe(env);
        compilerEnv.reportIfUnusable();
        usable = compilerEnv.usable();
        if (!usable) {
            return;
        }
        ProcessingEnvironment javacEnv = compilerEnv.javacEnv();
        Trees trees = compilerEnv.trees();
        reporter = new Reporter(trees, javacEnv.getMessager());
        misuse = new MisuseChecker(trees, reporter);
        try {
            compiler = new MethodCompiler(javacEnv, trees, reporter, new MachineSplicer(javacEnv, trees),
                    Boolean.parseBoolean(env.getOptions().get(DUMP_OPTION)));
        } catch (Throwable e) {
            usable = false;
            reportFailure(env, "jawait cannot start: " + e);
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!usable) {
            return false;
        }
        if (round.processingOver()) {
            // Trees changed in the last round are never entered again: nothing may be spliced now.
            // A method still deferred has an error (an unresolved type), which javac reports itself.
            finishDeferred();
            return false;
        }
        try {
            for (Element root : round.getRootElements()) {
                misuse.checkAwaitsOutsideAsync(root);
            }
            List<ExecutableElement> methods = retryDeferred();
            TypeElement async = processingEnv.getElementUtils().getTypeElement(ASYNC);
            if (async != null) {
                for (Element e : round.getElementsAnnotatedWith(async)) {
                    if (e.getKind() == ElementKind.METHOD) {
                        methods.add((ExecutableElement) e);
                    }
                }
            }
            List<ExecutableElement> valid = new ArrayList<>();
            for (ExecutableElement method : methods) {
                String key = MethodCompiler.key(method);
                if (done.contains(key)) {
                    continue;
                }
                if (misuse.checkAsyncMethod(method)) {
                    valid.add(method);
                } else {
                    done.add(key);
                }
            }
            // Methods of local classes first: a member method's machine copies the local class
            // declarations in its body, which must hold their own machines by then.
            for (Element root : round.getRootElements()) {
                compiler.compileNestedAsyncMethods(root);
            }
            for (ExecutableElement method : valid) {
                String key = MethodCompiler.key(method);
                if (!compiler.compile(method)) {
                    deferred.add(key);
                } else {
                    done.add(key);
                }
            }
        } catch (Throwable e) {
            reportFailure(processingEnv, "jawait failed: " + e);
        }
        return false;
    }

    /** An internal error with no element to point at: the processor itself failed. */
    private static void reportFailure(ProcessingEnvironment env, String message) {
        env.getMessager().printMessage(Diagnostic.Kind.ERROR, DiagnosticId.INTERNAL_ERROR.format(message));
    }

    private void finishDeferred() {
        try {
            for (ExecutableElement method : retryDeferred()) {
                compiler.finishDeferred(method);
            }
        } catch (Throwable e) {
            reportFailure(processingEnv, "jawait failed: " + e);
        }
    }

    /** @return the methods deferred by the previous round, found again by name */
    private List<ExecutableElement> retryDeferred() {
        List<ExecutableElement> again = new ArrayList<>();
        for (String key : deferred) {
            ExecutableElement m = MethodCompiler.find(processingEnv.getElementUtils(), key);
            if (m != null) {
                again.add(m);
            }
        }
        deferred.clear();
        return again;
    }
}
