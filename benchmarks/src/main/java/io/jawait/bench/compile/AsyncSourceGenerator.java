package io.jawait.bench.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * W7's input: {@code classes} source files whose {@code @Async} methods have five await sites each
 * (a declaration, an assignment, one in an {@code if}, one in a loop, one in a
 * {@code try/finally}), as an application would have them.
 */
final class AsyncSourceGenerator {
    static final int AWAITS_PER_METHOD = 5;

    private AsyncSourceGenerator() {
    }

    /** A generated compilation unit. */
    record Source(String className, String text) {
    }

    static List<Source> generate(int methods, int classes) {
        List<Source> sources = new ArrayList<>();
        int perClass = methods / classes;
        for (int c = 0; c < classes; c++) {
            StringBuilder s = new StringBuilder();
            String name = "Generated" + c;
            s.append("package gen;\n\n")
                    .append("import static io.jawait.Asyncio.await;\n\n")
                    .append("import io.jawait.Coroutine;\n")
                    .append("import io.jawait.annotation.Async;\n\n")
                    .append("final class ").append(name).append(" {\n")
                    .append("    static Coroutine<Integer> source(int v) {\n")
                    .append("        return Coroutine.of(v);\n")
                    .append("    }\n");
            for (int m = 0; m < perClass; m++) {
                s.append("\n    @Async\n")
                        .append("    static Coroutine<Integer> m").append(m).append("(int x) {\n")
                        .append("        int a = await(source(x + ").append(m).append("));\n")
                        .append("        int b = 0;\n")
                        .append("        b = await(source(a * 2));\n")
                        .append("        if (b > a) {\n")
                        .append("            int d = await(source(b - a));\n")
                        .append("            a = a + d;\n")
                        .append("        }\n")
                        .append("        for (int i = 0; i < 3; i++) {\n")
                        .append("            int t = await(source(i));\n")
                        .append("            b = b + t;\n")
                        .append("        }\n")
                        .append("        try {\n")
                        .append("            b = await(source(a + b));\n")
                        .append("        } finally {\n")
                        .append("            x++;\n")
                        .append("        }\n")
                        .append("        return Coroutine.of(a + b + x);\n")
                        .append("    }\n");
            }
            s.append("}\n");
            sources.add(new Source(name, s.toString()));
        }
        return sources;
    }
}
