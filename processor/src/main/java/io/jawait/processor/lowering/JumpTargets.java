package io.jawait.processor.lowering;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.Tree;
import io.jawait.processor.model.StateLabel;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.lang.model.element.Name;

/**
 * The lowered loops and labeled statements enclosing the code being lowered, innermost first:
 * where {@code break} and {@code continue} go as states (regenerator's {@code LoopEntry}).
 */
final class JumpTargets {
    /**
     * @param statement the loop or labeled statement
     * @param label its label, or {@code null}
     * @param breakTo the state after it
     * @param continueTo the state a {@code continue} goes to, {@code null} unless a loop
     * @param depth how many try regions enclose it (jumps leaving a region restore the handler)
     */
    record Target(Tree statement, String label, StateLabel breakTo, StateLabel continueTo, int depth) {
    }

    private final Deque<Target> targets = new ArrayDeque<>();

    void push(Target t) {
        targets.push(t);
    }

    void pop() {
        targets.pop();
    }

    /** @return the target of a break or continue at split level, or {@code null} */
    Target find(Tree jump) {
        boolean isContinue = jump instanceof ContinueTree;
        Name label = jump instanceof BreakTree b ? b.getLabel() : ((ContinueTree) jump).getLabel();
        for (Target t : targets) {
            if (label != null ? label.contentEquals(String.valueOf(t.label()))
                    : t.continueTo() != null || (!isContinue && t.statement().getKind() == Tree.Kind.SWITCH)) {
                if (isContinue && t.continueTo() == null) {
                    return null;
                }
                return t;
            }
        }
        return null;
    }
}
