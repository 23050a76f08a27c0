package io.jawait.processor.lowering;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.SwitchTree;
import io.jawait.processor.analysis.AwaitCalls;
import io.jawait.processor.model.StateLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * A switch statement with awaits: a native switch over the user's own selector and case labels
 * picks the state of the first case body (so Java evaluates the selector once, with its own null
 * checks and enum/String matching); the bodies follow as states, falling through in order as
 * Java's do. {@code break} goes to the state after the switch.
 */
final class SwitchLowering {
    private final BodyLowering body;

    SwitchLowering(BodyLowering body) {
        this.body = body;
    }

    void lower(SwitchTree s) {
        StateBuffer buffer = body.buffer;
        StateLabel end = new StateLabel();
        String what = body.source.describe(s);
        List<StateLabel> labels = new ArrayList<>();
        boolean hasDefault = false;
        for (CaseTree c : s.getCases()) {
            if (c.getStatements() == null && c.getBody() == null) {
                throw body.unsupported(c, "this kind of case");
            }
            hasDefault |= c.getExpressions().isEmpty();
            labels.add(new StateLabel());
        }
        boolean fallDefault = hasDefault;
        ExpressionTree selector = BodyLowering.strip(s.getExpression());
        if (AwaitCalls.containsAwait(selector)) {
            body.continuations.lower(s, selector, v -> new ContinuationLowering.Terminal(
                    dispatch(s, v, labels, end, fallDefault, "state", ""), true));
        } else {
            body.use(selector);
            buffer.anchor(body.source.pos(s));
            buffer.code().add(dispatch(s, body.placeholders.expr(selector), labels, end, fallDefault, "state", "continue;\n"));
            buffer.unreachable();
        }
        body.targets.push(new JumpTargets.Target(s, null, end, null, body.regions.depth()));
        for (int i = 0; i < s.getCases().size(); i++) {
            CaseTree c = s.getCases().get(i);
            buffer.begin(labels.get(i), "case of " + what);
            if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
                if (c.getBody() instanceof com.sun.source.tree.StatementTree st) {
                    body.statement(st);
                } else {
                    body.expression(c, (ExpressionTree) c.getBody());
                }
                body.buffer.jump(end);   // an arrow case never falls through
            } else {
                c.getStatements().forEach(body::statement);
            }
        }
        body.targets.pop();
        buffer.begin(end, "after " + what);
    }

    private com.palantir.javapoet.CodeBlock dispatch(SwitchTree s, String selector, List<StateLabel> labels,
            StateLabel end, boolean hasDefault, String stateRef, String jump) {
        com.palantir.javapoet.CodeBlock.Builder code = com.palantir.javapoet.CodeBlock.builder();
        code.beginControlFlow("switch ($L)", selector);
        for (int i = 0; i < s.getCases().size(); i++) {
            CaseTree c = s.getCases().get(i);
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
