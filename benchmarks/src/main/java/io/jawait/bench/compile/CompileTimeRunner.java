package io.jawait.bench.compile;

import io.jawait.bench.Sizes;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * W7 in a fresh JVM (started with the javac {@code --add-exports} the processor needs): compiles
 * {@link Sizes#COMPILE_METHODS} generated {@code @Async} methods ({@link Sizes#COMPILE_AWAIT_SITES}
 * await sites) in-process with javax.tools, with the jawait processor and without it (the same
 * sources with {@code -proc:none}: there {@code await} stays a plain method call). Warm-up
 * compilations first, then the median of {@code runs}. Prints {@code RESULT withProcessorMillis},
 * {@code RESULT plainMillis} and {@code RESULT msPerAwaitSite}.
 */
public final class CompileTimeRunner {
    private static final String PROCESSOR = "io.jawait.processor.AsyncProcessor";

    private CompileTimeRunner() {
    }

    /** @param args optionally the number of measured compilations */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<AsyncSourceGenerator.Source> sources = AsyncSourceGenerator.generate(Sizes.COMPILE_METHODS, 10);
        int sites = Sizes.COMPILE_METHODS * AsyncSourceGenerator.AWAITS_PER_METHOD;
        if (sites != Sizes.COMPILE_AWAIT_SITES) {
            throw new IllegalStateException("generated " + sites + " await sites, expected " + Sizes.COMPILE_AWAIT_SITES);
        }
        Path out = Files.createTempDirectory("jawait-w7");
        try {
            compile(sources, out, true); // warm-up: loads and JIT-compiles javac and the processor
            compile(sources, out, false);
            double[] with = new double[runs];
            double[] plain = new double[runs];
            for (int i = 0; i < runs; i++) {
                with[i] = compile(sources, out, true);
                plain[i] = compile(sources, out, false);
            }
            double withMedian = median(with);
            double plainMedian = median(plain);
            System.out.println("RESULT withProcessorMillis " + withMedian);
            System.out.println("RESULT plainMillis " + plainMedian);
            System.out.println("RESULT msPerAwaitSite " + (withMedian - plainMedian) / sites);
        } finally {
            try (Stream<Path> files = Files.walk(out)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One compilation; returns its wall time in milliseconds. */
    private static double compile(List<AsyncSourceGenerator.Source> sources, Path out, boolean processor)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = System.getProperty("java.class.path");
        List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-classpath", classpath, "-nowarn"));
        if (processor) {
            options.addAll(List.of("-processorpath", classpath, "-processor", PROCESSOR));
        } else {
            options.add("-proc:none");
        }
        List<JavaFileObject> units = new ArrayList<>();
        for (AsyncSourceGenerator.Source s : sources) {
            units.add(new InMemorySource(s));
        }
        StringWriter diagnostics = new StringWriter();
        long start = System.nanoTime();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            boolean ok = javac.getTask(diagnostics, files, null, options, null, units).call();
            if (!ok) {
                String first = diagnostics.toString().lines().filter(l -> l.contains("error")).findFirst().orElse("");
                throw new IllegalStateException("compilation " + (processor ? "with" : "without")
                        + " the processor failed: " + first.trim() + "\n" + diagnostics);
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A generated source held in memory. */
    private static final class InMemorySource extends SimpleJavaFileObject {
        private final String text;

        InMemorySource(AsyncSourceGenerator.Source s) {
            super(URI.create("string:///gen/" + s.className() + ".java"), Kind.SOURCE);
            this.text = s.text();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
