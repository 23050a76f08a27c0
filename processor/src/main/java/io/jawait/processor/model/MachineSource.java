package io.jawait.processor.model;

import com.sun.source.tree.Tree;
import java.util.List;
import java.util.Map;

/**
 * The rendered machine, ready to be parsed and spliced into the user's class.
 *
 * <p>The text contains placeholders instead of user code: identifier {@code __uN} for an
 * expression or type, statement {@code __sN();} for a statement, where {@code N} indexes
 * {@link #originals()}. Each placeholder is replaced by a copy of the original tree, so user code
 * keeps its exact source positions. While copying, a tree found in {@link #replacements()} is
 * replaced by its text (parsed, and itself containing placeholders): renamed locals,
 * {@code Outer.this} qualifications, returns and jumps rewritten into machine code.
 *
 * <p>Comments {@code // @P} in the text are anchors: every synthesized node after one gets the
 * user source position {@code P}, so errors and stack traces point at the user's statement.
 *
 * @param classText the machine class declaration
 * @param bodyPrefix the statement that starts the method body: {@code if (true) return new ...;}
 * @param originals user trees by placeholder index
 * @param replacements user trees to replace while copying, with their replacement text
 */
public record MachineSource(String classText, String bodyPrefix, List<Tree> originals,
        Map<Tree, String> replacements) {
}
