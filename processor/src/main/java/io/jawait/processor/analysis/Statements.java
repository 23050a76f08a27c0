package io.jawait.processor.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import java.util.List;

/**
 * Facts about statements that the lowering needs, following JLS 14.22 (unreachable statements):
 * synthesized jumps may only follow a statement that can complete normally, or javac rejects the
 * machine as unreachable code.
 */
public final class Statements {
    private Statements() {
    }

    /** @return whether {@code tree} is a while, do, for or enhanced for loop */
    public static boolean isLoop(Tree tree) {
        return tree instanceof WhileLoopTree || tree instanceof DoWhileLoopTree || tree instanceof ForLoopTree
                || tree instanceof EnhancedForLoopTree;
    }

    /** @return the body of a loop or a labeled statement's loop, else the tree itself */
    static Tree bodyOf(Tree tree) {
        if (tree instanceof WhileLoopTree w) {
            return w.getStatement();
        }
        if (tree instanceof DoWhileLoopTree d) {
            return d.getStatement();
        }
        if (tree instanceof ForLoopTree f) {
            return f.getStatement();
        }
        if (tree instanceof EnhancedForLoopTree f) {
            return f.getStatement();
        }
        return tree;
    }

    /** @return whether {@code condition} is absent or the literal {@code true} */
    public static boolean isAlwaysTrue(ExpressionTree condition) {
        while (condition instanceof ParenthesizedTree p) {
            condition = p.getExpression();
        }
        return condition == null || (condition instanceof LiteralTree l && Boolean.TRUE.equals(l.getValue()));
    }

    /**
     * JLS 14.22 for statements of a body javac accepts (so every statement is reachable).
     *
     * @param s a statement
     * @return whether it can complete normally
     */
    public static boolean canCompleteNormally(StatementTree s) {
        switch (s.getKind()) {
            case RETURN:
            case THROW:
            case BREAK:
            case CONTINUE:
            case YIELD:
                return false;
            case BLOCK:
                return allComplete(((BlockTree) s).getStatements());
            case IF: {
                IfTree i = (IfTree) s;
                return i.getElseStatement() == null || canCompleteNormally(i.getThenStatement())
                        || canCompleteNormally(i.getElseStatement());
            }
            case WHILE_LOOP:
                return !isAlwaysTrue(((WhileLoopTree) s).getCondition()) || Jumps.isBrokenOutOf(s);
            case FOR_LOOP:
                return !isAlwaysTrue(((ForLoopTree) s).getCondition()) || Jumps.isBrokenOutOf(s);
            case DO_WHILE_LOOP: {
                DoWhileLoopTree d = (DoWhileLoopTree) s;
                return (!isAlwaysTrue(d.getCondition()) && canCompleteNormally(d.getStatement()))
                        || Jumps.isBrokenOutOf(s) || !isAlwaysTrue(d.getCondition()) && hasContinue(d);
            }
            case LABELED_STATEMENT: {
                LabeledStatementTree l = (LabeledStatementTree) s;
                return canCompleteNormally(l.getStatement()) || Jumps.isBrokenOutOf(l);
            }
            case SWITCH:
                return switchCompletes((SwitchTree) s);
            case TRY: {
                TryTree t = (TryTree) s;
                boolean body = canCompleteNormally(t.getBlock())
                        || t.getCatches().stream().anyMatch(c -> canCompleteNormally(c.getBlock()));
                return body && (t.getFinallyBlock() == null || canCompleteNormally(t.getFinallyBlock()));
            }
            case SYNCHRONIZED:
                return canCompleteNormally(((SynchronizedTree) s).getBlock());
            default:
                return true;
        }
    }

    private static boolean allComplete(List<? extends StatementTree> statements) {
        return statements.isEmpty() || canCompleteNormally(statements.get(statements.size() - 1));
    }

    private static boolean hasContinue(DoWhileLoopTree d) {
        return Jumps.leaving(d.getStatement()).stream().anyMatch(j -> j.getKind() == Tree.Kind.CONTINUE);
    }

    private static boolean switchCompletes(SwitchTree s) {
        boolean hasDefault = false;
        for (CaseTree c : s.getCases()) {
            hasDefault |= c.getExpressions().isEmpty();
        }
        if (!hasDefault || Jumps.isBrokenOutOf(s) || s.getCases().isEmpty()) {
            return true;
        }
        for (CaseTree c : s.getCases()) {
            if (c.getBody() != null) {
                if (!(c.getBody() instanceof StatementTree st) || canCompleteNormally(st)) {
                    return true;
                }
            }
        }
        CaseTree last = s.getCases().get(s.getCases().size() - 1);
        return last.getBody() == null && allComplete(last.getStatements());
    }
}
