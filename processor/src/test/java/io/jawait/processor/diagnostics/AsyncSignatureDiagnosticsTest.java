package io.jawait.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jawait.processor.diagnostics.DiagnosticsCompiler.compile;
import static io.jawait.processor.diagnostics.DiagnosticsCompiler.lineContaining;
import static io.jawait.processor.diagnostics.DiagnosticsCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors about an {@code @Async} declaration itself, reported at the method declaration. */
class AsyncSignatureDiagnosticsTest {

    @Test
    void asyncMethodMustReturnCoroutine() {
        JavaFileObject src = source("WrongReturn",
                "class WrongReturn {",
                "    @Async",
                "    String greet(Coroutine<String> c) {",
                "        return await(c);",
                "    }",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[AsyncReturnType]")
                .inFile(src).onLine(lineContaining(src, "String greet(")).atColumn(12);
        assertThat(compilation).hadErrorContaining("must return io.jawait.Coroutine<T>, not java.lang.String");
    }

    @Test
    void asyncMethodWithoutBodyIsRejected() {
        JavaFileObject src = source("NoBody",
                "abstract class NoBody {",
                "    @Async",
                "    abstract Coroutine<String> greet();",
                "    @Async",
                "    native Coroutine<String> callC();",
                "    interface Api {",
                "        @Async Coroutine<Void> ping();",
                "    }",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("[AsyncWithoutBody]")
                .inFile(src).onLineContaining("abstract Coroutine<String> greet()");
        assertThat(compilation).hadErrorContaining("[AsyncWithoutBody]")
                .inFile(src).onLineContaining("native Coroutine<String> callC()");
        assertThat(compilation).hadErrorContaining("[AsyncWithoutBody]")
                .inFile(src).onLineContaining("Coroutine<Void> ping()");
    }

    @Test
    void asyncMethodOfLocalClassIsCheckedFromItsTree() {
        JavaFileObject src = source("LocalSignature",
                "class LocalSignature {",
                "    void plain() {",
                "        abstract class Local {",
                "            @Async String greet() { return \"\"; }",
                "            @Async abstract Coroutine<String> ping();",
                "            @Async io.jawait.Coroutine<String> fine() { return null; }",
                "        }",
                "    }",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[AsyncReturnType]")
                .inFile(src).onLine(lineContaining(src, "String greet()")).atColumn(27);
        assertThat(compilation).hadErrorContaining("[AsyncWithoutBody]")
                .inFile(src).onLineContaining("Coroutine<String> ping()");
    }

    @Test
    void asyncOnConstructorIsReportedByJavacAlone() {
        JavaFileObject src = source("OnConstructor",
                "class OnConstructor {",
                "    @Async",
                "    OnConstructor() {",
                "    }",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("not applicable")
                .inFile(src).onLineContaining("@Async");
    }
}
