package io.jawait.processor.javac;

import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps offsets in the rendered machine text to positions in the user's file: a comment
 * {@code // @P} is an anchor, and every synthesized node after it takes position {@code P}.
 * Offsets of the rendered text would otherwise become garbage line numbers in the user's file.
 */
final class PositionAnchors {
    private static final Pattern ANCHOR = Pattern.compile("// @(\\d+)");

    private final TreeMap<Integer, Integer> anchors = new TreeMap<>();
    private final int fallback;

    /**
     * @param text the rendered text
     * @param fallback the position for nodes before the first anchor (the method's)
     */
    PositionAnchors(CharSequence text, int fallback) {
        this.fallback = fallback;
        Matcher m = ANCHOR.matcher(text);
        while (m.find()) {
            anchors.put(m.start(), Integer.parseInt(m.group(1)));
        }
    }

    /** @return the user position for a node at {@code offset} of the rendered text */
    int at(int offset) {
        var anchor = anchors.floorEntry(offset);
        return anchor == null ? fallback : anchor.getValue();
    }
}
