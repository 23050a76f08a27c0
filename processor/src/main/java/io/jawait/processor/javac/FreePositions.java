package io.jawait.processor.javac;

import com.sun.source.tree.LineMap;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeScanner;
import java.util.HashSet;
import java.util.Set;

/**
 * Positions on a given line that no tree of the compilation unit has, for synthesized nodes that
 * javac may attribute as method arguments. javac caches the speculative types of an argument by
 * its position and file (ArgumentAttr's argumentTypeCache), so two different arguments sharing a
 * position get each other's types: {@code log((true ? value$1 : await(b)))} in one branch and
 * {@code log((false ? await(a) : value$2))} in the other would, if both took their statement's
 * position. A free position on the same line keeps line numbers (stack traces) unchanged.
 */
final class FreePositions {
    private final Set<Integer> used = new HashSet<>();
    private final LineMap lines;
    private final int length;

    /**
     * @param unit the compilation unit, all of whose positions are taken
     * @param lines its line map
     * @param length the length of its source text
     */
    FreePositions(JCTree unit, LineMap lines, int length) {
        this.lines = lines;
        this.length = length;
        new TreeScanner() {
            @Override
            public void scan(JCTree t) {
                if (t != null) {
                    used.add(t.pos);
                    super.scan(t);
                }
            }
        }.scan(unit);
    }

    /**
     * @return a position on the line of {@code pos} that nothing else has, taken from now on;
     *     {@code pos} itself when the line has none left
     */
    int near(int pos) {
        if (pos < 0) {
            return pos;
        }
        long line = lines.getLineNumber(pos);
        for (int p = (int) lines.getStartPosition(line); p < length && lines.getLineNumber(p) == line; p++) {
            if (used.add(p)) {
                return p;
            }
        }
        return pos;
    }

    /** @return whether javac's argument attribution caches trees of this kind by position */
    static boolean isCachedArgument(JCTree t) {
        return switch (t.getTag()) {
            case APPLY, NEWCLASS, PARENS, CONDEXPR, SWITCH_EXPRESSION, LAMBDA, REFERENCE -> true;
            default -> false;
        };
    }
}
