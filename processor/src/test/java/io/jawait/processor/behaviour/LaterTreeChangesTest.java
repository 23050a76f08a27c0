package io.jawait.processor.behaviour;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import io.jawait.processor.AllAnnotationsProcessor;
import io.jawait.processor.AsyncProcessor;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A method whose body javac finds an error in is held back (left as written, javac reports the
 * error). Another processor may fix the error in the same round without generating a file, as
 * Lombok does by changing trees; then no round is left to compile the method in, and it must not
 * run uncompiled: the processor reports it.
 */
class LaterTreeChangesTest {
    private static final JavaFileObject SOURCE = JavaFileObjects.forSourceString("t.L", """
            package t;
            import io.jawait.*;
            import io.jawait.annotation.Async;
            import static io.jawait.Asyncio.*;
            public class L {
                String take(String s) { return s + "!"; }
                @Async public Coroutine<String> run() {
                    String s = await(sleep(0.01, "x"));
                    return Coroutine.of(missing(s));
                }
            }
            """);

    /** Renames every call of {@code missing} to {@code take}, in its first round, like a tree-changing processor. */
    static final class Renamer extends AllAnnotationsProcessor {
        private boolean done;

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (done) {
                return false;
            }
            done = true;
            Trees trees = Trees.instance(processingEnv);
            for (Element root : round.getRootElements()) {
                new TreePathScanner<Void, Name[]>() {
                    @Override
                    public Void visitMethod(MethodTree m, Name[] take) {
                        if (m.getName().contentEquals("take")) {
                            take[0] = m.getName();
                        }
                        return super.visitMethod(m, take);
                    }

                    @Override
                    public Void visitIdentifier(IdentifierTree id, Name[] take) {
                        if (id.getName().contentEquals("missing")) {
                            try {   // javac's JCIdent.name, a public field (the test runs with the exports)
                                id.getClass().getField("name").set(id, take[0]);
                            } catch (ReflectiveOperationException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        return null;
                    }
                }.scan(trees.getPath(root), new Name[1]);
            }
            return false;
        }
    }

    @Test
    void anErrorFixedByALaterProcessorIsReportedNotRunUncompiled() {
        Compilation c = Compiler.javac().withProcessors(new AsyncProcessor(), new Renamer()).compile(SOURCE);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[UnsupportedConstruct] jawait could not compile this method")
                .inFile(SOURCE).onLine(7);
    }

    @Test
    void anErrorFixedByAnEarlierProcessorIsCompiled() throws Exception {
        Compilation c = Compiler.javac().withProcessors(new Renamer(), new AsyncProcessor()).compile(SOURCE);
        assertThat(c).succeeded();
        Object l = Harness.loader(c).loadClass("t.L").getConstructor().newInstance();
        @SuppressWarnings("unchecked")
        Coroutine<String> run = (Coroutine<String>) l.getClass().getMethod("run").invoke(l);
        try (EventLoop loop = EventLoop.createVirtual()) {
            assertEquals("x!", loop.runUntilComplete(run));
        }
    }
}
