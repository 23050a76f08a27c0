package io.jawait.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jawait.processor.diagnostics.DiagnosticsCompiler.compile;
import static io.jawait.processor.diagnostics.DiagnosticsCompiler.lineContaining;
import static io.jawait.processor.diagnostics.DiagnosticsCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per misplaced-await rule: the id, the count, the file, the line and the column. */
class AwaitPlacementDiagnosticsTest {

    @Test
    void awaitOutsideAsyncMethodIsRejected() {
        JavaFileObject src = source("Plain",
                "class Plain {",
                "    String read(Coroutine<String> c) {",
                "        return   await(c);",
                "    }",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[AwaitOutsideAsync]")
                .inFile(src).onLine(lineContaining(src, "return   await(c)")).atColumn(18);
    }

    @Test
    void awaitOutsideAsyncIsRejectedInConstructorsInitializersFieldsAndTheirLambdas() {
        JavaFileObject src = JavaFileObjects.forSourceLines("test.Everywhere",
                "package test;",
                "import io.jawait.Asyncio;",
                "import io.jawait.Coroutine;",
                "class Everywhere {",
                "    static Coroutine<String> c;",
                "    String field = Asyncio.await(c);",
                "    static { io.jawait.Asyncio.await(c); }",
                "    { Asyncio.await(c); }",
                "    Everywhere() { Asyncio.await(c); }",
                "    class Member { void m() { Asyncio.await(c); } }",
                "    Runnable task = () -> Asyncio.await(c);",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(6);
        assertThat(compilation).hadErrorContaining("[AwaitOutsideAsync]")
                .inFile(src).onLine(lineContaining(src, "String field")).atColumn(20);
        assertThat(compilation).hadErrorContaining("[AwaitOutsideAsync]")
                .inFile(src).onLine(lineContaining(src, "static {")).atColumn(14);
        assertThat(compilation).hadErrorContaining("[AwaitOutsideAsync]")
                .inFile(src).onLineContaining("    { Asyncio.await(c); }");
        assertThat(compilation).hadErrorContaining("[AwaitOutsideAsync]")
                .inFile(src).onLineContaining("Everywhere() {");
        assertThat(compilation).hadErrorContaining("[AwaitOutsideAsync]")
                .inFile(src).onLineContaining("class Member");
        assertThat(compilation).hadErrorContaining("[AwaitOutsideAsync]")
                .inFile(src).onLineContaining("Runnable task");
    }

    @Test
    void awaitInsideLambdaIsRejected() {
        JavaFileObject src = source("InLambda",
                "class InLambda {",
                "    @Async",
                "    Coroutine<Void> run(Coroutine<String> c) {",
                "        Runnable r = () -> await(c);",
                "        return Coroutine.done();",
                "    }",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[AwaitInLambda]")
                .inFile(src).onLine(lineContaining(src, "() -> await(c)")).atColumn(28);
    }

    @Test
    void awaitInsideLocalOrAnonymousClassIsRejected() {
        JavaFileObject src = source("InLocalClass",
                "class InLocalClass {",
                "    @Async",
                "    Coroutine<Void> run(Coroutine<String> c) {",
                "        class Local { String get() { return await(c); } }",
                "        Object o = new Object() { String s = await(c); };",
                "        return Coroutine.done();",
                "    }",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[AwaitInLocalClass]")
                .inFile(src).onLine(lineContaining(src, "class Local")).atColumn(45);
        assertThat(compilation).hadErrorContaining("[AwaitInLocalClass]")
                .inFile(src).onLine(lineContaining(src, "new Object()")).atColumn(46);
    }

    @Test
    void awaitInsideSynchronizedIsRejected() {
        JavaFileObject src = source("InSynchronized",
                "class InSynchronized {",
                "    @Async",
                "    Coroutine<Void> run(Coroutine<String> c) {",
                "        synchronized (this) {",
                "            if (c != null) { await(c); }",
                "        }",
                "        return Coroutine.done();",
                "    }",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[AwaitInSynchronized]")
                .inFile(src).onLine(lineContaining(src, "await(c)")).atColumn(30);
    }

    @Test
    void synchronizedAsyncMethodIsRejected() {
        JavaFileObject src = source("SynchronizedMethod",
                "class SynchronizedMethod {",
                "    @Async",
                "    synchronized Coroutine<Void> run(Coroutine<String> c) {",
                "        await(c);",
                "        return Coroutine.done();",
                "    }",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[AwaitInSynchronized]")
                .inFile(src).onLineContaining("synchronized Coroutine<Void> run");
    }

    @Test
    void awaitMethodReferenceIsRejected() {
        JavaFileObject src = source("Reference",
                "import io.jawait.Asyncio;",
                "import java.util.function.Function;",
                "class Reference {",
                "    @Async",
                "    Coroutine<Void> run() {",
                "        Function<Coroutine<String>, String> f = Asyncio::await;",
                "        return Coroutine.done();",
                "    }",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[AwaitMethodReference]")
                .inFile(src).onLine(lineContaining(src, "Asyncio::await")).atColumn(49);
    }
}
