package io.jawait.processor.analysis;

import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.VariableTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Pattern variables a condition introduces (JLS 6.3.1): those in scope where it is true, and
 * those in scope where it is false ({@code if (!(o instanceof String s)) return;}).
 */
public final class Bindings {
    private Bindings() {
    }

    /** @return the pattern variables definitely matched when {@code e} is {@code value} */
    public static List<VariableTree> whenTrue(ExpressionTree e, boolean value) {
        List<VariableTree> out = new ArrayList<>();
        collect(e, value, out);
        return out;
    }

    private static void collect(ExpressionTree e, boolean value, List<VariableTree> out) {
        while (e instanceof ParenthesizedTree p) {
            e = p.getExpression();
        }
        if (value && e instanceof InstanceOfTree i && i.getPattern() instanceof BindingPatternTree b) {
            out.add(b.getVariable());
        } else if (e.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
            collect(((UnaryTree) e).getExpression(), !value, out);
        } else if ((e.getKind() == Tree.Kind.CONDITIONAL_AND && value) || (e.getKind() == Tree.Kind.CONDITIONAL_OR && !value)) {
            collect(((BinaryTree) e).getLeftOperand(), value, out);
            collect(((BinaryTree) e).getRightOperand(), value, out);
        }
    }

    /** @return whether {@code e} declares any pattern variable (outside lambdas it may contain) */
    public static boolean any(ExpressionTree e) {
        boolean[] found = {false};
        new com.sun.source.util.TreeScanner<Void, Void>() {
            @Override
            public Void visitBindingPattern(BindingPatternTree node, Void unused) {
                found[0] = true;
                return null;
            }

            @Override
            public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void unused) {
                return null;
            }
        }.scan(e, null);
        return found[0];
    }
}
