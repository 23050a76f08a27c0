package io.jawait.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jawait.processor.diagnostics.DiagnosticsCompiler.compileCheckingTwice;
import static io.jawait.processor.diagnostics.DiagnosticsCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The reporter prints each problem once, however often it is checked. */
class ReporterTest {

    @Test
    void problemsCheckedTwiceAreReportedOnce() {
        JavaFileObject src = source("Twice",
                "class Twice {",
                "    @Async",
                "    String greet(Coroutine<String> c) {",
                "        Runnable r = () -> await(c);",
                "        return \"\";",
                "    }",
                "    void plain(Coroutine<String> c) { await(c); }",
                "}");
        Compilation compilation = compileCheckingTwice(src);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("[AsyncReturnType]")
                .inFile(src).onLineContaining("String greet(");
        assertThat(compilation).hadErrorContaining("[AwaitInLambda]")
                .inFile(src).onLineContaining("() -> await(c)");
        assertThat(compilation).hadErrorContaining("[AwaitOutsideAsync]")
                .inFile(src).onLineContaining("void plain(");
    }
}
