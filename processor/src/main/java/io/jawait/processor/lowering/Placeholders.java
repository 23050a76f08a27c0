package io.jawait.processor.lowering;

import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for user code in the rendered machine text (see
 * {@link io.jawait.processor.model.MachineSource}): user code is never printed and re-parsed,
 * only copied as trees, so it keeps its positions.
 */
final class Placeholders {
    private final List<Tree> originals = new ArrayList<>();
    private final Map<Tree, Object> replacements = new IdentityHashMap<>();

    /** @return an identifier standing for the expression or type {@code tree} */
    String expr(Tree tree) {
        originals.add(tree);
        return "__u" + (originals.size() - 1);
    }

    /** @return the name of a member class standing for the type declaration {@code tree} */
    String member(Tree tree) {
        originals.add(tree);
        return "__m" + (originals.size() - 1);
    }

    /** @return an expression statement (without the semicolon) standing for the statement {@code tree} */
    String stmt(Tree tree) {
        originals.add(tree);
        return "__s" + (originals.size() - 1) + "()";
    }

    /**
     * @return {@code text} (an expression rebuilt from the user's {@code tree}) marked to take
     *     {@code tree}'s own position: an error javac finds in it is then at the same place as
     *     the user's own, and javac reports one error per place (the user's comes first)
     */
    String at(Tree tree, String text) {
        originals.add(tree);
        return "__p" + (originals.size() - 1) + "(" + text + ")";
    }

    /** @return a rebuilt call {@code text} whose method name takes the position of the user's call {@code tree}'s */
    String callAt(Tree tree, String text) {
        originals.add(tree);
        return "__q" + (originals.size() - 1) + "(" + text + ")";
    }

    /**
     * Replaces {@code tree} by {@code text} wherever it is copied; {@code text} may hold
     * placeholders, and is converted to a string only at the end (state numbers are final then).
     */
    void replace(Tree tree, Object text) {
        replacements.put(tree, text);
    }

    /** @return whether a replacement is registered for {@code tree} */
    boolean isReplaced(Tree tree) {
        return replacements.containsKey(tree);
    }

    List<Tree> originals() {
        return Collections.unmodifiableList(originals);
    }

    /** @return the replacements as text; call once the states are numbered */
    Map<Tree, String> replacements() {
        Map<Tree, String> text = new IdentityHashMap<>();
        replacements.forEach((tree, t) -> text.put(tree, t.toString()));
        return text;
    }
}
