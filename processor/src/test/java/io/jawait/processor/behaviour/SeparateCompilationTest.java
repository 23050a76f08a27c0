package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.jawait.processor.AsyncProcessor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental rebuild compiles only the changed file, against the class files of the others
 * (Maven's stale-source mode): a class whose {@code @Async} methods await {@code @Async}
 * methods of an already compiled class must compile and run the same.
 */
class SeparateCompilationTest {
    private static final String LIBRARY = """
            package t;
            import io.jawait.*;
            import io.jawait.annotation.Async;
            import static io.jawait.Asyncio.*;
            public class Library {
                @Async public static Coroutine<Integer> twice(int x) {
                    await(sleep(1));
                    return Coroutine.of(2 * x);
                }
            }
            """;

    private static String client(String version) {
        return """
                package t;
                import io.jawait.*;
                import io.jawait.annotation.Async;
                import static io.jawait.Asyncio.*;
                public class Client {
                    @Async public static Coroutine<String> run() {
                        int a = await(Library.twice(3));
                        return Coroutine.of("VERSION " + (a + await(Library.twice(a))));
                    }
                    public static String main() {
                        EventLoop loop = EventLoop.createVirtual();
                        try {
                            return loop.runUntilComplete(run());
                        } finally {
                            loop.close();
                        }
                    }
                }
                """.replace("VERSION", version);
    }

    @Test
    void aChangedFileRecompiledAloneAgainstTheOthersClassFiles(@TempDir Path classes) throws Exception {
        Compilation full = compile(List.of(), JavaFileObjects.forSourceString("t.Library", LIBRARY),
                JavaFileObjects.forSourceString("t.Client", client("v1")));
        assertEquals(Compilation.Status.SUCCESS, full.status(), full.diagnostics().toString());
        write(full, classes);
        assertEquals("v1 18", runClient(classes));

        Compilation rebuilt = compile(List.of(classes.toFile()), JavaFileObjects.forSourceString("t.Client", client("v2")));
        assertEquals(Compilation.Status.SUCCESS, rebuilt.status(), rebuilt.diagnostics().toString());
        assertEquals(0, rebuilt.warnings().size(), rebuilt.diagnostics().toString());
        write(rebuilt, classes);
        assertEquals("v2 18", runClient(classes));
    }

    private static Compilation compile(List<File> extraClasspath, JavaFileObject... sources) {
        Compiler javac = Compiler.javac().withProcessors(new AsyncProcessor());
        if (!extraClasspath.isEmpty()) {
            List<File> path = new ArrayList<>(extraClasspath);
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                path.add(new File(entry));
            }
            javac = javac.withClasspath(path);
        }
        return javac.compile(sources);
    }

    private static void write(Compilation c, Path dir) throws IOException {
        for (JavaFileObject f : c.generatedFiles()) {
            if (f.getKind() == JavaFileObject.Kind.CLASS) {
                Path target = dir.resolve(f.toUri().getPath().replaceFirst("^.*?/CLASS_OUTPUT/", ""));
                Files.createDirectories(target.getParent());
                try (InputStream in = f.openInputStream()) {
                    Files.write(target, in.readAllBytes());
                }
            }
        }
    }

    private static String runClient(Path classes) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                SeparateCompilationTest.class.getClassLoader())) {
            return (String) loader.loadClass("t.Client").getMethod("main").invoke(null);
        }
    }
}
