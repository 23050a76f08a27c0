package io.jawait.processor.golden;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.jawait.processor.AsyncProcessor;
import java.io.IOException;
import javax.tools.JavaFileObject;

/** Compiles a source with {@code -Ajawait.dump=true} and returns the dumped machines. */
final class DumpPrinter {
    private DumpPrinter() {
    }

    static Compilation compile(String name, String source) {
        return Compiler.javac().withProcessors(new AsyncProcessor()).withOptions("-Ajawait.dump=true")
                .compile(JavaFileObjects.forSourceString(name, source));
    }

    static String dumps(Compilation c) {
        StringBuilder all = new StringBuilder();
        for (JavaFileObject f : c.generatedFiles()) {
            if (f.getName().contains("$Machine") && f.getName().endsWith(".java")) {
                try {
                    all.append(f.getCharContent(true));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return all.toString();
    }

    /**
     * Prints the dump of a source read from standard input (for reviewing generated code).
     *
     * @param args the qualified name of the class in the source
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        Compilation c = compile(args[0], new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        System.out.println(c.status() + " " + c.diagnostics());
        System.out.println(dumps(c));
    }
}
