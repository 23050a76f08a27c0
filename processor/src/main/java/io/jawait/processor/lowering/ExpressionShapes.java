package io.jawait.processor.lowering;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.ThrowTree;
import io.jawait.processor.analysis.AwaitCalls;
import io.jawait.processor.analysis.LocalReferences;

/** Syntactic questions {@link ContinuationLowering} asks about expressions (bodies are not attributed). */
final class ExpressionShapes {
    private ExpressionShapes() {
    }

    /** Whether an arm of {@code c} awaits. */
    static boolean hasAwaitingArm(ConditionalExpressionTree c) {
        return AwaitCalls.containsAwait(c.getTrueExpression()) || AwaitCalls.containsAwait(c.getFalseExpression());
    }

    /** Whether each case is {@code case L -> expression;} or {@code case L -> throw ...;}. */
    static boolean hasOnlyArrowArms(SwitchExpressionTree sw) {
        for (CaseTree c : sw.getCases()) {
            if (c.getCaseKind() != CaseTree.CaseKind.RULE
                    || !(c.getBody() instanceof ExpressionTree || c.getBody() instanceof ThrowTree)) {
                return false;
            }
        }
        return true;
    }

    /** @return whether evaluating {@code e} later gives the same value: a literal or {@code this} */
    static boolean isStable(ExpressionTree e) {
        return e instanceof LiteralTree || (e instanceof IdentifierTree id && id.getName().contentEquals("this"));
    }

    /** Syntactic guess, as bodies are not attributed: a capitalized free name is a type. */
    static boolean isTypeName(ExpressionTree e, LocalReferences references) {
        if (e instanceof IdentifierTree id) {
            return references.target(id) == null && Character.isUpperCase(id.getName().charAt(0));
        }
        return e instanceof MemberSelectTree m && Character.isUpperCase(m.getIdentifier().charAt(0))
                && isQualifiedName(m.getExpression());
    }

    private static boolean isQualifiedName(ExpressionTree e) {
        return e instanceof IdentifierTree || (e instanceof MemberSelectTree m && isQualifiedName(m.getExpression()));
    }

    /** Whether {@code e} is the literal {@code null} (possibly parenthesized). */
    static boolean isNull(ExpressionTree e) {
        return BodyLowering.strip(e).getKind() == com.sun.source.tree.Tree.Kind.NULL_LITERAL;
    }
}
