package io.jawait.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jawait.processor.diagnostics.DiagnosticsCompiler.compileWrapped;
import static io.jawait.processor.diagnostics.DiagnosticsCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What the processor does in compilers other than plain in-process javac. */
class CompilerEnvironmentDiagnosticsTest {
    private static final JavaFileObject AWAIT_IN_LAMBDA = source("InLambda",
            "class InLambda {",
            "    @Async",
            "    Coroutine<Void> run(Coroutine<String> c) {",
            "        Runnable r = () -> await(c);",
            "        return Coroutine.done();",
            "    }",
            "}");

    @Test
    void compilerWithoutTreeApiIsReportedOnce() {
        Compilation compilation =
                compileWrapped(EnvironmentProxies::opaque, AWAIT_IN_LAMBDA);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[UnsupportedCompiler]");
        assertThat(compilation).hadErrorContaining("ECJ");
    }

    @Test
    void intellijProxyIsUnwrapped() {
        Compilation compilation =
                compileWrapped(EnvironmentProxies::intellij, AWAIT_IN_LAMBDA);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[AwaitInLambda]")
                .inFile(AWAIT_IN_LAMBDA).onLineContaining("() -> await(c)");
    }
}
