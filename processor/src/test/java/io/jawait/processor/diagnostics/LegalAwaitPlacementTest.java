package io.jawait.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jawait.processor.diagnostics.DiagnosticsCompiler.compile;
import static io.jawait.processor.diagnostics.DiagnosticsCompiler.source;

import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/** Placements that are legal (API.md section 7) produce no diagnostics at all. */
class LegalAwaitPlacementTest {

    @Test
    void sourcesWithoutAsyncOrAwaitHaveNoDiagnostics() {
        assertThat(compile(JavaFileObjects.forSourceLines("test.Plain",
                "package test;",
                "import java.util.function.Supplier;",
                "class Plain {",
                "    int x = 1;",
                "    static { System.out.println(); }",
                "    Supplier<String> s = () -> \"a\";",
                "    String await(String s) { return s; }",
                "    String use() { return await(\"x\") + new Object() { }.toString(); }",
                "}"))).succeededWithoutWarnings();
    }

    @Test
    void awaitInNestedBlocksOfAsyncMethodIsAccepted() {
        assertThat(compile(source("Nested",
                "import io.jawait.Asyncio;",
                "class Nested {",
                "    @Async",
                "    Coroutine<Integer> run(Coroutine<Integer> c) throws Exception {",
                "        int sum = 0;",
                "        { sum += await(c); }",
                "        for (int i = 0; i < await(c); i++) {",
                "            if (i % 2 == 0) { sum += Asyncio.await(c); } else { sum -= 1; }",
                "        }",
                "        try { sum += io.jawait.Asyncio.await(c); } finally { await(c); }",
                "        switch (sum) { case 1 -> await(c); default -> { while (sum > 0) sum--; } }",
                "        Object t = new Thread(String.valueOf(await(c))) { };",
                "        java.util.function.IntSupplier k = () -> 1;",
                "        sum += k.getAsInt() + await(c);",
                "        return Coroutine.of(sum);",
                "    }",
                "}"))).succeededWithoutWarnings();
    }

    @Test
    void awaitInAsyncMethodOfLocalClassIsAccepted() {
        assertThat(compile(source("LocalAsync",
                "class LocalAsync {",
                "    void plain(Coroutine<String> c) {",
                "        class Local {",
                "            @Async Coroutine<String> get() { return Coroutine.of(await(c)); }",
                "        }",
                "    }",
                "    @Async",
                "    Coroutine<String> run(Coroutine<String> c) {",
                "        class Inner {",
                "            @Async Coroutine<String> get() { return Coroutine.of(await(c)); }",
                "        }",
                "        return Coroutine.of(await(c));",
                "    }",
                "}"))).succeededWithoutWarnings();
    }

    @Test
    void awaitInAsyncMethodOfAnonymousClassIsAccepted() {
        assertThat(compile(source("AnonymousAsync",
                "import java.util.function.Supplier;",
                "class AnonymousAsync {",
                "    Supplier<Coroutine<String>> make(Coroutine<String> c) {",
                "        return new Supplier<>() {",
                "            @Override @Async",
                "            public Coroutine<String> get() { return Coroutine.of(await(c)); }",
                "        };",
                "    }",
                "}"))).succeededWithoutWarnings();
    }

    @Test
    void awaitMethodsOtherThanAsyncioAwaitAreIgnored() {
        assertThat(compile(JavaFileObjects.forSourceLines("test.Other",
                "package test;",
                "import static io.jawait.Asyncio.*;",
                "class Other {",
                "    static class Util { static <T> T await(T t) { return t; } }",
                "    String await(String s) { return s; }",
                "    String a() { return await(\"x\"); }",
                "    String b() { return Util.await(\"y\"); }",
                "}"))).succeededWithoutWarnings();
    }
}
