package io.jawait.processor.lowering;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;

/**
 * Source positions of user trees, for anchors (positions of synthesized code) and for the
 * comment naming each state's source line.
 *
 * @param trees the tree API
 * @param unit the compilation unit of the method
 */
record SourceInfo(Trees trees, CompilationUnitTree unit) {
    long pos(Tree tree) {
        return trees.getSourcePositions().getStartPosition(unit, tree);
    }

    long line(Tree tree) {
        return unit.getLineMap().getLineNumber(pos(tree));
    }

    /** @return {@code line N: <the tree's text, shortened to one line>} */
    String describe(Tree tree) {
        String text = tree.toString().replaceAll("\\s+", " ").trim();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return "line " + line(tree) + ": " + text;
    }
}
