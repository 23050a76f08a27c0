package io.jawait.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;

import io.jawait.Coroutine;
import io.jawait.annotation.Async;
import io.jawait.processor.analysis.misuse.MisuseChecker;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs javac in a child JVM started WITHOUT the {@code --add-exports} flags (the test JVM has
 * them through surefire's argLine), exactly as Maven runs it when {@code .mvn/jvm.config} is
 * missing: the build must fail with one error that shows the lines to add, and no stack trace.
 */
class JavacAccessDiagnosticTest {

    @Test
    void missingExportsAreReportedOnceWithTheJvmConfigLines(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("Greeter.java");
        Files.writeString(src, String.join("\n",
                "import io.jawait.Coroutine;",
                "import io.jawait.annotation.Async;",
                "import static io.jawait.Asyncio.*;",
                "class Greeter {",
                "    @Async Coroutine<Void> run(Coroutine<String> c) {",
                "        Runnable r = () -> await(c);",
                "        await(c);",
                "        return Coroutine.done();",
                "    }",
                "}"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-m", "jdk.compiler/com.sun.tools.javac.Main",
                "-d", dir.resolve("out").toString(),
                "-cp", classpath(Async.class, Coroutine.class),
                "-processorpath", classpath(ValidationOnlyProcessor.class, MisuseChecker.class),
                "-processor", ValidationOnlyProcessor.class.getName(),
                src.toString()));
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(javac.waitFor(2, TimeUnit.MINUTES)).isTrue();
        } finally {
            javac.destroyForcibly();
        }

        assertThat(javac.exitValue()).isEqualTo(1);
        assertThat(output.split("\\[JavacAccess]", -1)).hasLength(2);
        assertThat(output).contains("1 error");
        // javac indents a message's continuation lines; each config line must be a whole line.
        List<String> printed = output.lines().map(String::strip).toList();
        for (String line : Files.readAllLines(jvmConfig())) {
            assertThat(printed).contains(line.strip());
        }
        assertThat(output).contains("ignored unless the compiler forks");
        assertThat(output).doesNotContain("Exception");
        assertThat(output).doesNotContain("\tat ");
    }

    private static String classpath(Class<?>... classes) throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : classes) {
            entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The repository's own .mvn/jvm.config: the message must match it line for line. */
    private static Path jvmConfig() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path config = dir.resolve(".mvn").resolve("jvm.config");
            if (Files.isRegularFile(config)) {
                return config;
            }
        }
        throw new IOException("no .mvn/jvm.config above " + Path.of("").toAbsolutePath());
    }
}
