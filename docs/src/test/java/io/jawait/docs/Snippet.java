package io.jawait.docs;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fenced {@code java} block of a Markdown page.
 *
 * @param page the Markdown file
 * @param line the line of the opening fence
 * @param code the block's text
 * @param expectedError the id of an {@code <!-- expect-error: [Id] -->} marker right above the
 *     block, or {@code null} when the block must compile
 * @param expectedOutput the text of a {@code text} block right after the block, or {@code null}
 */
record Snippet(Path page, int line, String code, String expectedError, String expectedOutput) {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)", Pattern.MULTILINE);

    /** @return the fully qualified name of the first top-level class */
    String className() {
        Matcher type = TYPE.matcher(code);
        if (!type.find()) {
            throw new IllegalStateException(this + " has no top-level class: every java block in docs/ must be a whole file");
        }
        Matcher pkg = PACKAGE.matcher(code);
        return (pkg.find() ? pkg.group(1) + "." : "") + type.group(1);
    }

    /** @return whether the class declares {@code public static void main} */
    boolean runnable() {
        return code.contains("static void main(");
    }

    @Override
    public String toString() {
        return page.getFileName() + ":" + line;
    }
}
