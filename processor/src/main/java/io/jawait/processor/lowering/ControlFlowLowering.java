package io.jawait.processor.lowering;

import com.sun.source.tree.BinaryTree;
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
import io.jawait.processor.analysis.Bindings;
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
        StateLabel end = new StateLabel();
        StateLabel otherwise = s.getElseStatement() == null ? end : new StateLabel();
        branch(s.getCondition(), s, otherwise);
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
            branch(w.getCondition(), s, exit);
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
                branch(f.getCondition(), s, exit);
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
        body.locals.declareElement(element, "next$(" + iterator + ")");
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
     * Goes to {@code otherwise} unless {@code condition} holds. {@code a && b} and {@code a || b}
     * whose right operand awaits are split into two tests, so that {@code b} is only evaluated
     * (and awaited) when Java would evaluate it.
     */
    private void branch(ExpressionTree condition, Tree statement, StateLabel otherwise) {
        ExpressionTree c = BodyLowering.strip(condition);
        if (c instanceof BinaryTree b && AwaitCalls.containsAwait(b.getRightOperand())) {
            if (c.getKind() == Tree.Kind.CONDITIONAL_AND) {
                branch(b.getLeftOperand(), statement, otherwise);
                branch(b.getRightOperand(), statement, otherwise);
                return;
            }
            if (c.getKind() == Tree.Kind.CONDITIONAL_OR) {
                StateLabel holds = new StateLabel();
                String left = condition(b.getLeftOperand(), statement);
                if (left == null) {
                    body.buffer.jump(holds);   // `true || ...`: the right operand is never evaluated
                    body.buffer.begin(holds, body.source.describe(statement));
                    return;
                } else {
                    body.buffer.code().beginControlFlow("if ($L)", left).addStatement("state = $L", holds)
                            .addStatement("continue").endControlFlow();
                }
                branch(b.getRightOperand(), statement, otherwise);
                body.buffer.begin(holds, body.source.describe(statement));
                return;
            }
        }
        exitUnless(condition(c, statement), otherwise);
    }

    /**
     * @return the condition as code: a placeholder, or the awaited value when the whole condition
     *     is {@code await(c)}
     */
    private String condition(ExpressionTree condition, Tree statement) {
        ExpressionTree c = BodyLowering.strip(condition);
        if (Bindings.any(c)) {
            return patternCondition(c, statement);
        }
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

    /**
     * A condition with pattern variables: they may be used in other states (after an await), so
     * they become fields, copied from the bindings where the condition proves them matched:
     * {@code if (o instanceof String s) { condition$ = true; this.s = s; } else { condition$ = false; }}.
     */
    private String patternCondition(ExpressionTree c, Tree statement) {
        body.useCondition();
        java.util.List<VariableTree> all = new java.util.ArrayList<>(Bindings.whenTrue(c, true));
        all.addAll(Bindings.whenTrue(c, false));
        for (VariableTree b : all) {
            body.hoisting.declare(b, body.current());
            body.hoisting.force(b);
        }
        java.util.function.Function<Object, com.palantir.javapoet.CodeBlock> test = text -> {
            com.palantir.javapoet.CodeBlock.Builder code = com.palantir.javapoet.CodeBlock.builder();
            code.beginControlFlow("if ($L)", text).addStatement("condition$$ = true");
            Bindings.whenTrue(c, true).forEach(b -> copy(code, b));
            code.nextControlFlow("else").addStatement("condition$$ = false");
            Bindings.whenTrue(c, false).forEach(b -> copy(code, b));
            return code.endControlFlow().build();
        };
        if (AwaitCalls.containsAwait(c)) {
            body.continuations.lower(statement, c, v -> new ContinuationLowering.Terminal(test.apply(v), false));
        } else {
            body.use(c);
            body.buffer.code().add(test.apply(body.placeholders.expr(c)));
        }
        return "condition$";
    }

    private void copy(com.palantir.javapoet.CodeBlock.Builder code, VariableTree binding) {
        code.addStatement("$L", new Deferred(() -> "this." + body.hoisting.fieldName(binding) + " = " + binding.getName()));
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
