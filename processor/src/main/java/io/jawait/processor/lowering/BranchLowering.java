package io.jawait.processor.lowering;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import io.jawait.processor.analysis.AwaitCalls;
import io.jawait.processor.analysis.Bindings;
import java.util.List;
import java.util.function.Consumer;

/**
 * Awaits inside an expression that evaluates only one of its sides: {@code ?:}, the right operand
 * of {@code &&} and {@code ||}, and the arms of a switch expression. The rest of the statement is
 * lowered once per side, inside {@code if (c) { ... } else { ... }} (or a switch statement), so the
 * untaken side never runs.
 *
 * <p>Each side hands on its value wrapped so that it keeps the type the whole expression has in
 * the user's code: {@code c ? await(a) : 2L} continues with {@code (true ? value$1 : 2L)} on one
 * side and {@code (false ? await(a) : value$2)} on the other. The untaken operand is an unevaluated
 * copy of the user's code (a constant condition selects the other one), so javac applies exactly
 * the user's numeric promotion, boxing and target typing, without anyone writing a type.
 */
final class BranchLowering {
    private final ContinuationLowering lowering;
    private final BodyLowering body;

    BranchLowering(ContinuationLowering lowering, BodyLowering body) {
        this.lowering = lowering;
        this.body = body;
    }

    /** {@code c ? a : b} with an await in an arm. */
    void conditional(ConditionalExpressionTree e, Consumer<String> k) {
        ExpressionTree condition = e.getCondition();
        ExpressionTree whenTrue = e.getTrueExpression();
        ExpressionTree whenFalse = e.getFalseExpression();
        if (!AwaitCalls.containsAwait(whenTrue) && !AwaitCalls.containsAwait(whenFalse)) {
            String yes = body.placeholders.expr(whenTrue);
            String no = body.placeholders.expr(whenFalse);
            lowering.value(condition, false, c -> k.accept(c + " ? " + yes + " : " + no));
            return;
        }
        // A copy of an arm may use pattern variables of the condition: the constant that selects
        // the other arm is then joined with a copy of the condition, which declares them again.
        String onTrue = guard(condition, true, "true", "||");
        String onFalse = guard(condition, false, "false", "&&");
        lowering.value(condition, false, c -> lowering.branch(c,
                () -> lowering.value(whenTrue, false, t -> k.accept(parenthesized(
                        onTrue + " ? " + typedLike(whenTrue, t) + " : " + lowering.twin(whenFalse)))),
                () -> lowering.value(whenFalse, false, f -> k.accept(parenthesized(
                        onFalse + " ? " + lowering.twin(whenTrue) + " : " + typedLike(whenFalse, f))))));
    }

    /** {@code l && r} or {@code l || r} with an await in {@code r}. */
    void shortCircuit(BinaryTree e, Consumer<String> k) {
        boolean and = e.getKind() == Tree.Kind.CONDITIONAL_AND;
        ExpressionTree left = e.getLeftOperand();
        ExpressionTree right = e.getRightOperand();
        // l && r: r runs when l is true; otherwise the value is false (and likewise for ||).
        // Copies keep the pattern variables the whole expression declares when true (&&) or when
        // false (||) for the code after it: if (o instanceof String s && await(f(s))) use(s);
        Runnable evaluated = () -> lowering.value(right, false,
                r -> k.accept(parenthesized(and + " " + operator(and) + " " + r)));
        Runnable decided = () -> k.accept(parenthesized(guard(left, !and, String.valueOf(!and), operator(and))
                + " " + operator(and) + " " + lowering.twin(right)));
        lowering.value(left, false, l -> lowering.branch(l, and ? evaluated : decided, and ? decided : evaluated));
    }

    /** @return one side's value, parenthesized (its copy gets a position of its own: see FreePositions) */
    private static String parenthesized(String text) {
        return "(" + text + ")";
    }

    /**
     * @return {@code text}, the value of the user's operand {@code operand}, in a form javac
     *     classifies like the operand (JLS 15.25, 15.28.1): an {@code await(...)} is a generic
     *     call, where the awaited value alone would be a boxed numeric
     */
    private static String typedLike(ExpressionTree operand, String text) {
        return AwaitCalls.isAwait(BodyLowering.strip(operand)) ? "asAwaitCall(" + text + ")" : text;
    }

    private static String operator(boolean and) {
        return and ? "&&" : "||";
    }

    /**
     * @return {@code constant}, joined by {@code operator} with a copy of {@code condition} when
     *     that declares pattern variables where it is {@code !taken} (they are not in scope on the
     *     side where it was {@code taken}, but the copy of the other side's code may use them)
     */
    private String guard(ExpressionTree condition, boolean taken, String constant, String operator) {
        if (Bindings.whenTrue(condition, !taken).isEmpty()) {
            return constant;
        }
        if (!Bindings.whenTrue(condition, taken).isEmpty()) {
            throw lowering.unsupported(condition, "an await next to a condition that declares pattern variables"
                    + " both where it is true and where it is false");
        }
        return constant + " " + operator + " " + lowering.twin(condition);
    }

    /**
     * A switch expression with arrow cases inside a larger expression: a switch statement picks
     * the arm; an arm's value continues as a copy of the whole switch whose selector is a
     * constant choosing that arm: {@code (switch (1) { case 0 -> copy; default -> value$1; })}.
     * An arm that does not await runs as that copy; an arm block that awaits is only supported
     * where the switch expression is a whole statement's value (see {@link SwitchLowering}).
     */
    void switchExpression(SwitchExpressionTree e, Consumer<String> k) {
        List<? extends CaseTree> cases = e.getCases();
        boolean hasDefault = false;
        for (CaseTree c : cases) {
            if (c.getCaseKind() != CaseTree.CaseKind.RULE) {
                throw lowering.unsupported(c, "an await in a switch expression with case ... : labels inside"
                        + " a larger expression (use case ... ->)");
            }
            if (c.getBody() instanceof ExpressionTree || !AwaitCalls.containsAwait(c.getBody())) {
                hasDefault |= c.getExpressions().isEmpty();
                continue;
            }
            throw lowering.unsupported(BodyLowering.firstAwait(c.getBody()), "an await in a block of a switch"
                    + " expression inside a larger expression (assign the switch to a local first)");
        }
        boolean exhaustiveWithoutDefault = !hasDefault;
        if (cases.stream().noneMatch(c -> AwaitCalls.containsAwait(c.getBody()))) {
            // only the selector awaits: the switch itself needs no branches
            lowering.value(e.getExpression(), false, selector -> k.accept(copy(cases, selector)));
            return;
        }
        lowering.value(e.getExpression(), false, selector -> lowering.switchOver(selector, () -> {
            for (int i = 0; i < cases.size(); i++) {
                CaseTree c = cases.get(i);
                int arm = i;
                lowering.switchCase(label(c), () -> {
                    if (c.getBody() instanceof ExpressionTree value && AwaitCalls.containsAwait(value)) {
                        lowering.value(value, false, v -> k.accept(parenthesized(copy(cases, arm, typedLike(value, v)))));
                    } else {
                        k.accept(parenthesized(copy(cases, arm, null)));
                    }
                });
            }
            if (exhaustiveWithoutDefault) {
                // An enum switch expression covering every constant: what javac throws when a
                // constant is added later (JLS 15.28.2).
                lowering.switchCase("default", () -> lowering.code().addStatement(
                        "throw new IncompatibleClassChangeError()"));
            }
        }));
    }

    private String label(CaseTree c) {
        if (c.getExpressions().isEmpty()) {
            return "default";
        }
        StringBuilder label = new StringBuilder("case ");
        for (int i = 0; i < c.getExpressions().size(); i++) {
            label.append(i == 0 ? "" : ", ").append(body.placeholders.expr(c.getExpressions().get(i)));
        }
        return label.toString();
    }

    /** @return a copy of the switch expression over {@code selector}, the user's arms and labels */
    private String copy(List<? extends CaseTree> cases, String selector) {
        StringBuilder text = new StringBuilder("(switch (").append(selector).append(") { ");
        for (CaseTree c : cases) {
            text.append(label(c)).append(" -> ").append(arm(c.getBody()));
        }
        return text.append("})").toString();
    }

    private String arm(Tree body) {
        return body instanceof ExpressionTree x ? this.body.placeholders.expr(x) + "; "
                : "{ " + this.body.placeholders.stmt(body) + "; } ";   // a block (with its own yields) or a throw
    }

    /**
     * @return a copy of the switch expression whose constant selector picks arm {@code taken}, its
     *     body {@code value} if given (else the user's arm, which then runs)
     */
    private String copy(List<? extends CaseTree> cases, int taken, String value) {
        StringBuilder text = new StringBuilder("switch (").append(taken).append(") { ");
        for (int i = 0; i < cases.size(); i++) {
            text.append(i == cases.size() - 1 ? "default" : "case " + i).append(" -> ");
            text.append(i == taken && value != null ? value + "; " : arm(cases.get(i).getBody()));
        }
        return text.append("}").toString();
    }
}
