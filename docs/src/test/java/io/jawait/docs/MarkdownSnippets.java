package io.jawait.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extracts the {@code java} blocks (and their markers) from Markdown pages. */
final class MarkdownSnippets {
    private static final Pattern EXPECT_ERROR = Pattern.compile("<!--\\s*expect-error:\\s*\\[(\\w+)]\\s*-->");
    private static final Pattern STATEMENTS = Pattern.compile("<!--\\s*snippet:\\s*statements\\s*-->");

    private MarkdownSnippets() {
    }

    static List<Snippet> of(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page);
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i;
            StringBuilder code = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                code.append(lines.get(i)).append('\n');
            }
            snippets.add(new Snippet(page, start + 1, code.toString(), marked(lines, start, STATEMENTS) != null,
                    marked(lines, start, EXPECT_ERROR), outputBelow(lines, i + 1)));
        }
        return snippets;
    }

    /** The first group (or the whole match) of a marker in the few lines above the fence, or null. */
    private static String marked(List<String> lines, int fence, Pattern marker) {
        for (int j = fence - 1; j >= 0 && j >= fence - 3; j--) {
            Matcher m = marker.matcher(lines.get(j));
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            if (lines.get(j).startsWith("```")) {
                break;
            }
        }
        return null;
    }

    /** The text of a {@code text} block right after the java block, skipping one prose line at most. */
    private static String outputBelow(List<String> lines, int from) {
        for (int j = from; j < lines.size() && j <= from + 2; j++) {
            if (lines.get(j).strip().equals("```text")) {
                StringBuilder out = new StringBuilder();
                for (j++; j < lines.size() && !lines.get(j).strip().equals("```"); j++) {
                    out.append(lines.get(j)).append('\n');
                }
                return out.toString();
            }
            if (lines.get(j).startsWith("```")) {
                return null;
            }
        }
        return null;
    }
}
