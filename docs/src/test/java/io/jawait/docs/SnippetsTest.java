package io.jawait.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles every {@code java} block of docs/*.md and the README with the jawait processor, runs
 * those with a {@code main}, and compares their output with the {@code text} block that follows.
 * A block marked {@code <!-- expect-error: [Id] -->} must fail with exactly that diagnostic.
 * So the docs cannot rot.
 */
class SnippetsTest {
    private static final Path DOCS = Path.of("").toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> everySnippetCompilesAndRuns() throws Exception {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(DOCS)) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        pages.add(DOCS.resolveSibling("README.md"));
        List<Snippet> snippets = new ArrayList<>();
        for (Path page : pages) {
            snippets.addAll(MarkdownSnippets.of(page));
        }
        assertFalse(snippets.isEmpty(), "no java blocks found under " + DOCS);
        return snippets.stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> check(s)));
    }

    /** A text block marked {@code <!-- golden: F -->} must show the processor's golden dump F. */
    @TestFactory
    Stream<DynamicTest> generatedCodeShownInTheDocsIsTheGoldenDump() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                List<String> lines = Files.readAllLines(page);
                for (int i = 0; i + 1 < lines.size(); i++) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<!--\\s*golden:\\s*(\\S+)\\s*-->")
                            .matcher(lines.get(i));
                    if (!m.find()) {
                        continue;
                    }
                    StringBuilder shown = new StringBuilder();
                    for (int j = i + 2; j < lines.size() && !lines.get(j).strip().equals("```"); j++) {
                        shown.append(lines.get(j)).append('\n');
                    }
                    Path golden = DOCS.resolveSibling("processor/src/test/resources/golden").resolve(m.group(1));
                    String where = page.getFileName() + ":" + (i + 1);
                    tests.add(DynamicTest.dynamicTest(where, () -> assertEquals(Files.readString(golden).strip(),
                            shown.toString().strip(), where + " shows an outdated machine")));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no golden blocks found");
        return tests.stream();
    }

    private static void check(Snippet snippet) throws Exception {
        Path dir = Files.createTempDirectory("snippet");
        String className = snippet.className();
        Path source = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, snippet.source());
        Path out = Files.createDirectories(dir.resolve("classes"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classpath = System.getProperty("java.class.path");
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-cp", classpath, "-processorpath", classpath);
            ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source)).call();
        }
        List<String> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getLineNumber() + ": " + d.getMessage(null)).toList();

        if (snippet.expectedError() != null) {
            assertFalse(ok, snippet + " should not compile");
            String id = "[" + snippet.expectedError() + "]";
            assertTrue(!errors.isEmpty() && errors.stream().allMatch(e -> e.contains(id)),
                    snippet + " should fail with " + id + " only, got " + errors);
            return;
        }
        assertTrue(ok, snippet + " does not compile: " + errors);
        if (!snippet.runnable()) {
            return;
        }
        String printed = runMain(out, className);
        if (snippet.expectedOutput() != null) {
            assertEquals(snippet.expectedOutput(), printed, snippet + " printed something else");
        }
    }

    private static String runMain(Path classes, String className) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                SnippetsTest.class.getClassLoader());
             PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            main.setAccessible(true);
            System.setOut(capture);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
