package io.jawait.processor.analysis;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.Name;

/**
 * Finds the returns, breaks, continues and yields of a statement that leave it. Lambdas, class bodies and
 * switch expressions are not entered: their jumps cannot leave them.
 */
public final class Jumps {
    private Jumps() {
    }

    /**
     * @param statement a statement of the body
     * @return its returns, and the breaks and continues whose target encloses it, in source order
     */
    public static List<Tree> leaving(Tree statement) {
        List<Tree> found = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            /** Enclosing breakable statements inside {@code statement}: labels, loops, switches. */
            private final Deque<Tree> inside = new ArrayDeque<>();

            @Override
            public Void scan(Tree tree, Void unused) {
                if (tree == null || tree instanceof LambdaExpressionTree || tree instanceof ClassTree
                        || tree instanceof SwitchExpressionTree) {
                    return null;
                }
                boolean target = Statements.isLoop(tree) || tree.getKind() == Tree.Kind.SWITCH
                        || tree instanceof LabeledStatementTree;
                if (target) {
                    inside.push(tree);
                }
                try {
                    return super.scan(tree, unused);
                } finally {
                    if (target) {
                        inside.pop();
                    }
                }
            }

            @Override
            public Void visitReturn(ReturnTree node, Void unused) {
                found.add(node);
                return null;
            }

            @Override
            public Void visitYield(com.sun.source.tree.YieldTree node, Void unused) {
                found.add(node);   // switch expressions are not entered: this one leaves the statement
                return null;
            }

            @Override
            public Void visitBreak(BreakTree node, Void unused) {
                if (!resolvesInside(node.getLabel(), false)) {
                    found.add(node);
                }
                return null;
            }

            @Override
            public Void visitContinue(ContinueTree node, Void unused) {
                if (!resolvesInside(node.getLabel(), true)) {
                    found.add(node);
                }
                return null;
            }

            private boolean resolvesInside(Name label, boolean loopsOnly) {
                for (Tree t : inside) {
                    if (label != null) {
                        if (t instanceof LabeledStatementTree l && l.getLabel().contentEquals(label)) {
                            return true;
                        }
                    } else if (Statements.isLoop(t) || (!loopsOnly && t.getKind() == Tree.Kind.SWITCH)) {
                        return true;
                    }
                }
                return false;
            }
        }.scan(statement, null);
        return found;
    }

    /**
     * @param body a method body
     * @return whether a break, continue or yield in it has no target in it (for example a break
     *     outside any loop, or to a missing label): javac rejects the method
     */
    public static boolean hasOrphan(Tree body) {
        for (Tree jump : leaving(body)) {
            if (!(jump instanceof ReturnTree)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param target a loop, switch or labeled statement
     * @return whether a break inside it (not in a nested loop or switch, unless labeled) exits it
     */
    public static boolean isBrokenOutOf(Tree target) {
        Tree body = target instanceof LabeledStatementTree l ? l.getStatement() : target;
        Name label = target instanceof LabeledStatementTree l ? l.getLabel() : null;
        List<Tree> parts = new ArrayList<>();
        if (body instanceof SwitchTree sw) {
            for (CaseTree c : sw.getCases()) {
                parts.add(c.getBody());
                parts.addAll(c.getStatements() == null ? List.of() : c.getStatements());
            }
        } else {
            parts.add(Statements.bodyOf(body));
        }
        for (Tree part : parts) {
            for (Tree jump : leaving(part)) {
                if (jump instanceof BreakTree b
                        && (b.getLabel() == null ? label == null : b.getLabel().contentEquals(label))) {
                    return true;
                }
            }
        }
        return false;
    }
}
