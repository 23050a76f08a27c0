package io.jawait.processor.lowering;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.YieldTree;
import io.jawait.processor.analysis.AwaitCalls;
import io.jawait.processor.model.StateLabel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A switch statement with awaits: a native switch over the user's own selector and case labels
 * picks the state of the first case body (so Java evaluates the selector once, with its own null
 * checks and enum/String matching); the bodies follow as states, falling through in order as
 * Java's do. {@code break} goes to the state after the switch. A switch expression is lowered the
 * same way, each arm storing its value ({@code yield}) before jumping to the state after it.
 */
final class SwitchLowering {
    private final BodyLowering body;
    /** Lowered switch expressions enclosing the code: where {@code yield} stores its value and goes. */
    private final Deque<YieldTarget> yields = new ArrayDeque<>();

    /**
     * @param assign the statement storing a value (given its text)
     * @param end the state after the switch expression
     * @param depth the try-region depth of the switch expression
     */
    private record YieldTarget(Function<Object, Object> assign, StateLabel end, int depth) {
    }

    SwitchLowering(BodyLowering body) {
        this.body = body;
    }

    void lower(SwitchTree s) {
        lower(s, s.getExpression(), s.getCases(), null);
    }

    /**
     * A switch expression with awaits that is a whole initializer or assigned value: each arm's
     * value (an arrow's expression or a {@code yield}) is stored by {@code assign}.
     */
    void lowerExpression(SwitchExpressionTree s, Function<Object, Object> assign) {
        lower(s, s.getExpression(), s.getCases(), assign);
    }

    private void lower(Tree s, ExpressionTree switched, List<? extends CaseTree> cases, Function<Object, Object> assign) {
        StateBuffer buffer = body.buffer;
        StateLabel end = new StateLabel();
        String what = body.source.describe(s);
        List<StateLabel> labels = new ArrayList<>();
        boolean hasDefault = false;
        for (CaseTree c : cases) {
            if (c.getStatements() == null && c.getBody() == null) {
                throw body.unsupported(c, "this kind of case");
            }
            hasDefault |= c.getExpressions().isEmpty();
            labels.add(new StateLabel());
        }
        boolean fallDefault = hasDefault;
        ExpressionTree selector = BodyLowering.strip(switched);
        if (AwaitCalls.containsAwait(selector)) {
            body.continuations.lower(s, selector, v -> new ContinuationLowering.Terminal(
                    dispatch(cases, v, labels, end, fallDefault, "state", ""), true));
        } else {
            body.use(selector);
            buffer.anchor(body.source.pos(s));
            buffer.code().add(dispatch(cases, body.placeholders.expr(selector), labels, end, fallDefault, "state",
                    "continue;\n"));
            buffer.unreachable();
        }
        if (assign == null) {
            body.targets.push(new JumpTargets.Target(s, null, end, null, body.regions.depth()));
        } else {
            yields.push(new YieldTarget(assign, end, body.regions.depth()));
        }
        for (int i = 0; i < cases.size(); i++) {
            CaseTree c = cases.get(i);
            buffer.begin(labels.get(i), "case of " + what);
            if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
                if (c.getBody() instanceof StatementTree st) {
                    body.statement(st);
                } else if (assign != null) {
                    yieldValue(c, (ExpressionTree) c.getBody());
                } else {
                    body.expression(c, (ExpressionTree) c.getBody());
                }
                body.buffer.jump(end);   // an arrow case never falls through
            } else {
                c.getStatements().forEach(body::statement);
            }
        }
        if (assign == null) {
            body.targets.pop();
        } else {
            yields.pop();
        }
        buffer.begin(end, "after " + what);
    }

    /** Stores the value of the enclosing lowered switch expression's arm and leaves for its end. */
    void yieldValue(Tree at, ExpressionTree value) {
        YieldTarget t = yieldTarget(at);
        if (!AwaitCalls.containsAwait(value)) {
            body.use(value);
            body.buffer.anchor(body.source.pos(at));
            body.buffer.code().add("$L\n", t.assign().apply(body.placeholders.expr(value)));
            body.buffer.code().add("$L\n", body.regions.exit(t.end(), t.depth(), "state", "continue;"));
            body.buffer.unreachable();
            return;
        }
        Deferred exit = body.regions.exit(t.end(), t.depth(), "state", "");   // once: it may add trampolines
        body.continuations.lower(at, value, v -> new ContinuationLowering.Terminal(CodeBlock.of("$L\n$L\n",
                t.assign().apply(v), exit), true));
    }

    /** @return the replacement of a {@code yield} inside native code of a lowered arm */
    Object nativeYield(YieldTree y) {
        YieldTarget t = yieldTarget(y);
        Object store = t.assign().apply(body.placeholders.expr(y.getValue()));
        Deferred exit = body.regions.exit(t.end(), t.depth(), "this.state", "continue dispatch;");
        return new Deferred(() -> "{ " + store + " " + exit + " }");
    }

    private YieldTarget yieldTarget(Tree at) {
        if (yields.isEmpty()) {
            throw body.unsupported(at, "this yield");
        }
        return yields.peek();
    }

    private CodeBlock dispatch(List<? extends CaseTree> cases, String selector,
            List<StateLabel> labels, StateLabel end, boolean hasDefault, String stateRef, String jump) {
        CodeBlock.Builder code = CodeBlock.builder();
        code.beginControlFlow("switch ($L)", selector);
        for (int i = 0; i < cases.size(); i++) {
            CaseTree c = cases.get(i);
            List<String> constants = new ArrayList<>();
            for (ExpressionTree e : c.getExpressions()) {
                constants.add(body.placeholders.expr(e));
            }
            code.add("$L:\n", constants.isEmpty() ? "default" : "case " + String.join(", ", constants));
            code.indent().addStatement("$L = $L", stateRef, labels.get(i)).addStatement("break").unindent();
        }
        if (!hasDefault) {
            code.add("default:\n").indent().addStatement("$L = $L", stateRef, end).unindent();
        }
        code.endControlFlow();
        code.add(jump);
        return code.build();
    }
}
