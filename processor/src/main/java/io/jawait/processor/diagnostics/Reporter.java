package io.jawait.processor.diagnostics;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports errors at the user's exact position, each problem once: the same id at the same
 * place is printed only the first time, however many times (or rounds) a method is checked.
 * Counts errors so that the processor never generates code for a method it reported about.
 *
 * <p>Tree positions: javac prints a diagnostic at the tree's <em>preferred</em> position (a
 * call's {@code (}, a select's {@code .}, a declaration's name), so pass the tree whose preferred
 * position is where the user should look, for example the leftmost identifier of a call.
 */
public final class Reporter {
    private final Trees trees;
    private final Messager messager;
    private final Set<String> reported = new HashSet<>();
    private int errorCount;
    /** Positions of the errors reported at trees, by file. */
    private final java.util.Map<String, java.util.List<Long>> positions = new java.util.HashMap<>();

    /**
     * @param trees the tree API, or {@code null} when the compiler has none (then only
     *     {@link #error(DiagnosticId, Element, String)} may be used)
     * @param messager the messager of javac's own (unwrapped) processing environment
     */
    public Reporter(Trees trees, Messager messager) {
        this.trees = trees;
        this.messager = messager;
    }

    /**
     * Reports an error at {@code tree}.
     *
     * @param id the diagnostic id
     * @param tree the offending tree; the diagnostic goes to its preferred position
     * @param unit the compilation unit containing it
     * @param message the message after the id
     */
    public void error(DiagnosticId id, Tree tree, CompilationUnitTree unit, String message) {
        long pos = trees.getSourcePositions().getStartPosition(unit, tree);
        if (reported.add(unit.getSourceFile().toUri() + "@" + pos + "#" + id)) {
            errorCount++;
            positions.computeIfAbsent(unit.getSourceFile().toUri().toString(), k -> new java.util.ArrayList<>()).add(pos);
            trees.printMessage(Diagnostic.Kind.ERROR, id.format(message), tree, unit);
        }
    }

    /**
     * Reports an error at the leaf of {@code path}.
     *
     * @param id the diagnostic id
     * @param path the path to the offending tree
     * @param message the message after the id
     */
    public void error(DiagnosticId id, TreePath path, String message) {
        error(id, path.getLeaf(), path.getCompilationUnit(), message);
    }

    /**
     * Reports an error at an element (a method or class declaration: javac points at its name).
     *
     * @param id the diagnostic id
     * @param element the offending element
     * @param message the message after the id
     */
    public void error(DiagnosticId id, Element element, String message) {
        if (reported.add(element + "@" + System.identityHashCode(element) + "#" + id)) {
            errorCount++;
            messager.printMessage(Diagnostic.Kind.ERROR, id.format(message), element);
        }
    }

    /**
     * @param unit a compilation unit
     * @param tree a tree of it
     * @return whether an error was reported at a tree inside {@code tree}
     */
    public boolean reportedWithin(CompilationUnitTree unit, Tree tree) {
        long start = trees.getSourcePositions().getStartPosition(unit, tree);
        long end = trees.getSourcePositions().getEndPosition(unit, tree);
        for (long pos : positions.getOrDefault(unit.getSourceFile().toUri().toString(), java.util.List.of())) {
            if (pos >= start && pos <= end) {
                return true;
            }
        }
        return false;
    }

    /** @return how many errors were reported so far (repeats not counted) */
    public int errorCount() {
        return errorCount;
    }
}
