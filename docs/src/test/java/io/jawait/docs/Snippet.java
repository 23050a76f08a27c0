package io.jawait.docs;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fenced {@code java} block of a Markdown page.
 *
 * <p>A block with a {@code package} or {@code import} line is a whole file. Any other block is a
 * fragment: class members (the default) or, when marked {@code <!-- snippet: statements -->},
 * the statements of an {@code @Async} method. Fragments are compiled inside a class that extends
 * {@link DocsPrelude}, with the imports the docs assume.
 *
 * @param page the Markdown file
 * @param line the line of the opening fence
 * @param code the block's text
 * @param statements whether the block is marked as statements
 * @param expectedError the id of an {@code <!-- expect-error: [Id] -->} marker right above the
 *     block, or {@code null} when the block must compile
 * @param expectedOutput the text of a {@code text} block right after the block, or {@code null}
 */
record Snippet(Path page, int line, String code, boolean statements, String expectedError, String expectedOutput) {
    static final String FRAGMENT_CLASS = "DocSnippet";
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)", Pattern.MULTILINE);
    private static final String FRAGMENT_IMPORTS = """
            import static io.jawait.Asyncio.*;

            import io.jawait.*;
            import io.jawait.annotation.Async;
            import io.jawait.sync.*;
            import java.util.*;
            import java.util.function.*;
            """;

    boolean wholeFile() {
        return PACKAGE.matcher(code).find() || IMPORT.matcher(code).find();
    }

    /** @return the compilation unit to compile */
    String source() {
        if (wholeFile()) {
            return code;
        }
        String members = statements
                ? "    @Async\n    Coroutine<Void> snippet() throws Exception {\n" + code + "        return Coroutine.done();\n    }\n"
                : code;
        return FRAGMENT_IMPORTS + "\nclass " + FRAGMENT_CLASS + " extends io.jawait.docs.DocsPrelude {\n" + members + "}\n";
    }

    /** @return the fully qualified name of the first top-level class */
    String className() {
        if (!wholeFile()) {
            return FRAGMENT_CLASS;
        }
        Matcher type = TYPE.matcher(code);
        if (!type.find()) {
            throw new IllegalStateException(this + " is a whole file without a top-level class");
        }
        Matcher pkg = PACKAGE.matcher(code);
        return (pkg.find() ? pkg.group(1) + "." : "") + type.group(1);
    }

    /** @return whether the snippet declares {@code public static void main} */
    boolean runnable() {
        return wholeFile() && code.contains("static void main(");
    }

    @Override
    public String toString() {
        return page.getFileName() + ":" + line;
    }
}
