package io.jawait.processor.diagnostics;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports errors at the user's exact position, each problem once. Counts errors so that the
 * processor never generates code for a method it reported an error about.
 */
public final class Reporter {
    private final Trees trees;
    private final Messager messager;
    private final Set<String> reported = new HashSet<>();
    private int errorCount;

    /**
     * @param trees the tree API, or {@code null} when the compiler has none (errors then go to
     *     elements only)
     * @param messager the processing environment's messager
     */
    public Reporter(Trees trees, Messager messager) {
        this.trees = trees;
        this.messager = messager;
    }

    /**
     * Reports an error at {@code tree} (line and column of its start).
     *
     * @param id the diagnostic id
     * @param tree the offending tree
     * @param unit the compilation unit containing it
     * @param message the message after the id
     */
    public void error(DiagnosticId id, Tree tree, CompilationUnitTree unit, String message) {
        long pos = trees.getSourcePositions().getStartPosition(unit, tree);
        if (reported.add(unit.getSourceFile().toUri() + "@" + pos + "#" + id)) {
            errorCount++;
            trees.printMessage(Diagnostic.Kind.ERROR, id.format(message), tree, unit);
        }
    }

    /**
     * Reports an error at an element (a method or class declaration).
     *
     * @param id the diagnostic id
     * @param element the offending element
     * @param message the message after the id
     */
    public void error(DiagnosticId id, Element element, String message) {
        if (reported.add(String.valueOf(element) + "@" + System.identityHashCode(element) + "#" + id)) {
            errorCount++;
            messager.printMessage(Diagnostic.Kind.ERROR, id.format(message), element);
        }
    }

    /** @return how many errors were reported so far */
    public int errorCount() {
        return errorCount;
    }
}
