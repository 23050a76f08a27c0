package io.jawait.processor.lowering;

import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import io.jawait.processor.analysis.AwaitCalls;
import io.jawait.processor.analysis.Statements;
import io.jawait.processor.model.StateLabel;

/**
 * Lowers {@code if}, loops and labeled statements that contain awaits into states: Java cannot
 * jump into a loop body, so a loop becomes a head state and an exit state, and {@code break} /
 * {@code continue} become {@code state = N; continue;} (regenerator's and Kotlin/JS's design).
 */
final class ControlFlowLowering {
    private final BodyLowering body;
    private int iterators;

    ControlFlowLowering(BodyLowering body) {
        this.body = body;
    }

    void lower(StatementTree s) {
        switch (s.getKind()) {
            case IF -> ifStatement((IfTree) s);
            case LABELED_STATEMENT -> labeled((LabeledStatementTree) s);
            default -> loop(s, null);
        }
    }

    private void ifStatement(IfTree s) {
        body.buffer.anchor(body.source.pos(s));
        String condition = condition(s.getCondition(), s);
        StateLabel end = new StateLabel();
        StateLabel otherwise = s.getElseStatement() == null ? end : new StateLabel();
        exitUnless(condition, otherwise);
        body.statement(s.getThenStatement());
        if (s.getElseStatement() != null) {
            body.buffer.jump(end);
            body.buffer.begin(otherwise, "else of " + body.source.describe(s));
            body.statement(s.getElseStatement());
        }
        body.buffer.begin(end, "after " + body.source.describe(s));
    }

    private void labeled(LabeledStatementTree s) {
        if (Statements.isLoop(s.getStatement())) {
            loop(s.getStatement(), s.getLabel().toString());
            return;
        }
        StateLabel end = new StateLabel();
        body.targets.push(new JumpTargets.Target(s, s.getLabel().toString(), end, null, body.regions.depth()));
        body.statement(s.getStatement());
        body.targets.pop();
        body.buffer.begin(end, "after " + body.source.describe(s));
    }

    private void loop(StatementTree s, String label) {
        StateLabel head = new StateLabel();
        StateLabel next = new StateLabel();
        StateLabel exit = new StateLabel();
        String what = body.source.describe(s);
        if (s instanceof WhileLoopTree w) {
            body.buffer.begin(head, "loop " + what);
            body.buffer.anchor(body.source.pos(s));
            exitUnless(condition(w.getCondition(), s), exit);
            loopBody(w.getStatement(), label, exit, head);
            body.buffer.jump(head);
        } else if (s instanceof DoWhileLoopTree d) {
            body.buffer.begin(head, "loop " + what);
            loopBody(d.getStatement(), label, exit, next);
            body.buffer.begin(next, "condition of " + what);
            body.buffer.anchor(body.source.pos(d.getCondition()));
            String condition = condition(d.getCondition(), s);
            if (condition == null) {
                body.buffer.jump(head);
            } else {
                body.buffer.code().beginControlFlow("if ($L)", condition).addStatement("state = $L", head)
                        .addStatement("continue").endControlFlow();
            }
        } else if (s instanceof ForLoopTree f) {
            f.getInitializer().forEach(body::statement);
            body.buffer.begin(head, "loop " + what);
            body.buffer.anchor(body.source.pos(s));
            if (f.getCondition() != null) {
                exitUnless(condition(f.getCondition(), s), exit);
            }
            loopBody(f.getStatement(), label, exit, next);
            body.buffer.begin(next, "update of " + what);
            for (ExpressionStatementTree update : f.getUpdate()) {
                body.statement(update);
            }
            body.buffer.jump(head);
        } else {
            forEach((EnhancedForLoopTree) s, label, head, exit, what);
        }
        body.buffer.begin(exit, "after " + what);
    }

    /**
     * {@code for (T x : items)}: the iterable is an array, an {@code Iterable} or an
     * {@code AsyncIterable} (Python's {@code async for}); the machine's {@code iterate$} overloads
     * let javac pick, and the loop asks the iterator at run time whether {@code hasNext} must be
     * awaited. The iterable is evaluated once; {@code iterator()} is called once.
     */
    private void forEach(EnhancedForLoopTree s, String label, StateLabel head, StateLabel exit, String what) {
        StateBuffer buffer = body.buffer;
        String iterator = "iterator$" + (++iterators);
        body.useCondition();
        ExpressionTree items = BodyLowering.strip(s.getExpression());
        if (AwaitCalls.containsAwait(items)) {
            body.continuations.lower(s, items, v -> ContinuationLowering.Terminal.of("$L = iterate$$($L);\n", iterator, v));
        } else {
            body.use(items);
            buffer.anchor(body.source.pos(s));
            buffer.code().addStatement("$L = iterate$$($L)", iterator, body.placeholders.expr(items));
        }
        StateLabel asked = new StateLabel();
        StateLabel test = new StateLabel();
        buffer.begin(head, "loop " + what);
        buffer.anchor(body.source.pos(s));
        buffer.code().beginControlFlow("if ($L instanceof java.util.Iterator)", iterator)
                .addStatement("condition$$ = ((java.util.Iterator<?>) $L).hasNext()", iterator)
                .addStatement("state = $L", test).addStatement("continue").endControlFlow();
        buffer.suspend("((io.jawait.AsyncIterator<?>) " + iterator + ").hasNext()", asked, "async for " + what);
        buffer.code().addStatement("condition$$ = awaited()");
        buffer.begin(test, "next element of " + what);
        buffer.anchor(body.source.pos(s));
        buffer.code().beginControlFlow("if (!condition$$)").addStatement("$L = null", iterator)
                .addStatement("state = $L", exit).addStatement("continue").endControlFlow();
        VariableTree element = s.getVariable();
        body.declareElement(element, "next$(" + iterator + ")");
        loopBody(s.getStatement(), label, exit, head);
        body.buffer.jump(head);
    }

    int iterators() {
        return iterators;
    }

    private void loopBody(StatementTree loopBody, String label, StateLabel exit, StateLabel next) {
        body.targets.push(new JumpTargets.Target(loopBody, label, exit, next, body.regions.depth()));
        body.statement(loopBody);
        body.targets.pop();
    }

    /**
     * @return the condition as code: a placeholder, or the awaited value when the whole condition
     *     is {@code await(c)}
     */
    private String condition(ExpressionTree condition, Tree statement) {
        ExpressionTree c = BodyLowering.strip(condition);
        if (AwaitCalls.isAwait(c) && !AwaitCalls.containsAwait(AwaitCalls.awaitedExpression(c))) {
            body.awaitSimple(c, statement);
            return "this.<Boolean>awaited()";
        }
        if (AwaitCalls.containsAwait(c)) {
            return body.nestedCondition(c, statement);
        }
        if (Statements.isAlwaysTrue(c)) {
            return null;
        }
        body.use(c);
        return body.placeholders.expr(c);
    }

    /** {@code if (!(condition)) { state = target; continue; }}; nothing for an absent condition. */
    private void exitUnless(String condition, StateLabel target) {
        if (condition == null) {
            return;
        }
        body.buffer.code().beginControlFlow("if (!$L)", condition.startsWith("this.") ? condition : "(" + condition + ")")
                .addStatement("state = $L", target).addStatement("continue").endControlFlow();
    }
}
