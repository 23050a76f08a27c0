package io.jawait.processor.lowering;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import io.jawait.processor.analysis.AwaitCalls;
import io.jawait.processor.model.StateLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Awaits nested inside larger expressions: the rest of the statement becomes a continuation,
 * {@code awaitsThen(a, value$1 -> { ...; state = NEXT; })}, whose parameter javac types by
 * inference, so no intermediate type is ever written. Operands evaluated before an await are
 * spilled into {@code var} temporaries first (JLS 15.7; Roslyn's spiller: everything left of the
 * last operand with an await). Locals the statement touches become fields (a lambda can neither
 * assign a local nor read one that is not effectively final).
 */
final class ContinuationLowering {
    private final BodyLowering body;
    private int temps;
    /** The code being written: the split-level code, then each continuation's body. */
    private CodeBlock.Builder code;
    private int open;
    /** The statement's whole expression: the only place a compound assignment may await. */
    private ExpressionTree top;
    /** Whether {@link #code} is the body of an arm lambda: its awaits chain with {@code then$}. */
    private boolean inArm;
    private int armOpen;
    private boolean usesArms;
    /** Bare array initializers and their array types. */
    private final java.util.Map<NewArrayTree, Tree> bareTypes = new java.util.IdentityHashMap<>();

    ContinuationLowering(BodyLowering body) {
        this.body = body;
    }

    /**
     * Lowers a statement whose expression {@code e} holds nested awaits.
     *
     * @param statement the user statement (for positions and the state comment)
     * @param e the expression
     * @param terminal the statement's end, given the text of {@code e}'s value; returns whether it
     *     leaves by itself (a throw, or an exit that sets the state)
     */
    void lower(Tree statement, ExpressionTree e, Function<String, Terminal> terminal) {
        StateBuffer buffer = body.buffer;
        hoistTouchedLocals(e);
        buffer.anchor(body.source.pos(statement));
        buffer.markScoped();
        StateLabel resume = new StateLabel();
        StateLabel next = new StateLabel();
        code = CodeBlock.builder();
        open = 0;
        top = e;
        String value = value(e, false, resume);
        Terminal end = terminal.apply(value);
        code.add(end.code());
        if (!end.leaves()) {
            code.addStatement("state = $L", next);
        }
        for (int i = open; i > 1; i--) {
            code.unindent().add("});\n");
        }
        code.unindent().add("})) return;\n");
        buffer.code().add(code.build());
        buffer.code().addStatement("continue");
        buffer.unreachable();
        buffer.begin(resume, "resume " + body.source.describe(statement));
        buffer.code().addStatement("if (resumeContinuation()) return");
        buffer.code().addStatement("continue");
        buffer.unreachable();
        buffer.begin(next, "after " + body.source.describe(statement));
    }

    /** The end of a lowered statement: its code, and whether it leaves (throws or sets the state). */
    record Terminal(CodeBlock code, boolean leaves) {
        static Terminal of(String format, Object... args) {
            return new Terminal(CodeBlock.of(format, args), false);
        }
    }

    /**
     * @return the text of {@code e}'s value at the current point, after emitting the code that
     *     evaluates its awaits and (if {@code spill}) stores it in a temporary
     */
    private String value(ExpressionTree e, boolean spill, StateLabel resume) {
        if (!AwaitCalls.containsAwait(e)) {
            // A bare {...} cannot stand alone (in a spill): it gets its type written.
            String text = e instanceof NewArrayTree n && bareTypes.containsKey(n) ? newArray(n, resume)
                    : body.placeholders.expr(e);
            return spill && !ExpressionShapes.isStable(e) ? spill(text) : text;
        }
        String text;
        if (AwaitCalls.isAwait(e)) {
            return awaitThen(value(AwaitCalls.awaitedExpression(e), false, resume), resume);
        } else if (e instanceof ParenthesizedTree p) {
            text = "(" + value(p.getExpression(), false, resume) + ")";
        } else if (e instanceof ConditionalExpressionTree c && ExpressionShapes.hasAwaitingArm(c)) {
            // c ? a : b  ==  await(c ? arm(a) : arm(b)): only the taken arm is evaluated, as an
            // awaitable (a done coroutine for an await-free arm). The awaitable goes through a var
            // so that javac types the conditional standalone before inferring the continuation.
            String condition = value(c.getCondition(), false, resume);
            String choice = condition + " ? " + arm(c.getTrueExpression(), resume) + " : "
                    + arm(c.getFalseExpression(), resume);
            // A null arm takes its type from the other one: only as an argument (a poly expression).
            boolean nullArm = ExpressionShapes.isNull(c.getTrueExpression()) || ExpressionShapes.isNull(c.getFalseExpression());
            return awaitThen(nullArm ? choice : spill(choice), resume);
        } else if (e instanceof BinaryTree b && (e.getKind() == Tree.Kind.CONDITIONAL_AND
                || e.getKind() == Tree.Kind.CONDITIONAL_OR) && AwaitCalls.containsAwait(b.getRightOperand())) {
            // x && y == await(x ? arm(y) : Coroutine.of(false)); || likewise with true.
            boolean and = e.getKind() == Tree.Kind.CONDITIONAL_AND;
            String left = value(b.getLeftOperand(), false, resume);
            String right = arm(b.getRightOperand(), resume);
            return awaitThen(spill(left + " ? " + (and ? right : COROUTINE + ".of(true)") + " : "
                    + (and ? COROUTINE + ".of(false)" : right)), resume);
        } else if (e instanceof SwitchExpressionTree sw && ExpressionShapes.hasOnlyArrowArms(sw)) {
            // Like ?: : the switch picks an arm, and each arm is an awaitable of its value.
            return awaitThen(spill(switchOfArms(sw, resume)), resume);
        } else if (e instanceof ConditionalExpressionTree c) {
            // Awaits in the condition only: the arms stay as they are.
            text = value(c.getCondition(), false, resume) + " ? " + body.placeholders.expr(c.getTrueExpression())
                    + " : " + body.placeholders.expr(c.getFalseExpression());
        } else if (e instanceof BinaryTree b) {
            List<String> ops = operands(List.of(b.getLeftOperand(), b.getRightOperand()), resume);
            text = ops.get(0) + " " + Operators.binary(e.getKind()) + " " + ops.get(1);
        } else if (e instanceof UnaryTree u && Operators.isPrefix(e.getKind())) {
            text = Operators.unary(e.getKind()) + value(u.getExpression(), false, resume);
        } else if (e instanceof TypeCastTree c) {
            text = "(" + body.placeholders.expr(c.getType()) + ") " + value(c.getExpression(), false, resume);
        } else if (e instanceof MemberSelectTree m) {
            text = value(m.getExpression(), false, resume) + "." + m.getIdentifier();
        } else if (e instanceof ArrayAccessTree a) {
            List<String> ops = operands(List.of(a.getExpression(), a.getIndex()), resume);
            text = ops.get(0) + "[" + ops.get(1) + "]";
        } else if (e instanceof InstanceOfTree i) {
            Tree test = i.getPattern() != null ? i.getPattern() : i.getType();
            text = value(i.getExpression(), false, resume) + " instanceof " + body.placeholders.expr(test);
        } else if (e instanceof MethodInvocationTree call && call.getTypeArguments().isEmpty()) {
            text = call(call, resume);
        } else if (e instanceof NewClassTree n && n.getClassBody() == null && n.getEnclosingExpression() == null
                && n.getTypeArguments().isEmpty()) {
            text = "new " + body.placeholders.expr(n.getIdentifier()) + "("
                    + String.join(", ", operands(n.getArguments(), resume)) + ")";
        } else if (e instanceof CompoundAssignmentTree c && c == top) {
            // x op= await(e): read x first (JLS 15.26.2), then restore it and let javac apply op=
            // with its implicit cast.
            String target = location(c.getVariable(), resume);
            String old = spill(target);
            String v = value(c.getExpression(), false, resume);
            code.add("$L = $L;\n$L $L= $L;\n", target, old, target, Operators.binary(c.getKind()), v);
            return target;
        } else if (e instanceof NewArrayTree n && (n.getType() != null || bareTypes.containsKey(n))) {
            text = newArray(n, resume);
        } else if (e instanceof AssignmentTree a) {
            text = location(a.getVariable(), resume) + " = " + value(a.getExpression(), false, resume);
        } else {
            throw unsupported(BodyLowering.firstAwait(e), "an await inside this kind of expression ("
                    + BodyLowering.describeKind(e) + ")");
        }
        return spill ? spill(text) : text;
    }

    private static final String COROUTINE = "io.jawait.Coroutine";

    /** Awaits {@code awaitable}: the rest of the statement goes into its continuation. */
    private String awaitThen(String awaitable, StateLabel resume) {
        String v = "value$" + (++temps);
        if (inArm) {
            code.add("return then$$($L, $L -> {\n", awaitable, v).indent();
            armOpen++;
            return v;
        }
        if (open == 0) {
            code.addStatement("state = $L", resume);
            code.add("if (awaitsThen($L, $L -> {\n", awaitable, v).indent();
        } else {
            code.add("awaitsThen($L, $L -> {\n", awaitable, v).indent();
        }
        open++;
        return v;
    }

    /**
     * @return an arm of {@code ?:} (or a short-circuit operand) as an awaitable: {@code await(a)}
     *     gives {@code a}, an await-free value a done coroutine, anything else an {@code arm$}
     *     lambda whose awaits chain with {@code then$} and which returns the arm's value
     */
    private String arm(ExpressionTree arm, StateLabel resume) {
        ExpressionTree a = BodyLowering.strip(arm);
        if (AwaitCalls.isAwait(a) && !AwaitCalls.containsAwait(AwaitCalls.awaitedExpression(a))) {
            return body.placeholders.expr(AwaitCalls.awaitedExpression(a));
        }
        if (!AwaitCalls.containsAwait(a)) {
            return COROUTINE + ".of(" + body.placeholders.expr(a) + ")";
        }
        usesArms = true;
        CodeBlock.Builder outer = code;
        boolean wasInArm = inArm;
        int outerOpen = armOpen;
        code = CodeBlock.builder().indent();
        inArm = true;
        armOpen = 0;
        String v = value(a, false, resume);
        code.addStatement("return $L.of($L)", COROUTINE, v);
        for (int i = armOpen; i > 0; i--) {
            code.unindent().add("});\n");
        }
        String text = "arm$(start$" + (++temps) + " -> {\n" + code.unindent().build() + "})";
        code = outer;
        inArm = wasInArm;
        armOpen = outerOpen;
        return text;
    }

    /** @return {@code switch (selector) { case L -> <arm as an awaitable>; ... }} */
    private String switchOfArms(SwitchExpressionTree sw, StateLabel resume) {
        StringBuilder text = new StringBuilder("switch (").append(value(sw.getExpression(), false, resume))
                .append(") {\n");
        for (CaseTree c : sw.getCases()) {
            List<String> constants = new ArrayList<>();
            for (ExpressionTree constant : c.getExpressions()) {
                constants.add(body.placeholders.expr(constant));
            }
            text.append(constants.isEmpty() ? "default" : "case " + String.join(", ", constants)).append(" -> ");
            if (c.getBody() instanceof ThrowTree t) {
                if (AwaitCalls.containsAwait(t)) {
                    throw unsupported(BodyLowering.firstAwait(t), "an await in a throwing arm of a nested switch");
                }
                text.append("{ ").append(body.placeholders.stmt(t)).append("; }\n");
            } else {
                text.append(arm((ExpressionTree) c.getBody(), resume)).append(";\n");
            }
        }
        return text.append("}").toString();
    }

    /** @return whether some arm needs the machine's {@code arm$} helpers */
    boolean usesArms() {
        return usesArms;
    }

    /**
     * Gives a bare array initializer ({@code int[] a = {...}}) its array type, from the declaration:
     * it is lowered as {@code new int[] {...}}.
     */
    void bareArray(NewArrayTree initializer, Tree arrayType) {
        bareTypes.put(initializer, arrayType);
    }

    /** {@code new T[d]...} or {@code new T[]{...}}: dimensions, then elements, left to right. */
    private String newArray(NewArrayTree n, StateLabel resume) {
        Tree element = n.getType();
        if (element == null) {
            if (!(bareTypes.get(n) instanceof ArrayTypeTree array)) {
                throw unsupported(BodyLowering.firstAwait(n), "an await in an array initializer of this type");
            }
            element = array.getType();
        }
        List<ExpressionTree> operands = new ArrayList<>(n.getDimensions());
        if (n.getInitializers() != null) {
            operands.addAll(n.getInitializers());
            // Nested bare initializers ({{1}, {2}}) are arrays of the element type.
            for (ExpressionTree i : n.getInitializers()) {
                if (i instanceof NewArrayTree inner && inner.getType() == null && n.getDimensions().isEmpty()) {
                    bareTypes.put(inner, element);
                }
            }
        }
        List<String> values = operands(operands, resume);
        StringBuilder text = new StringBuilder("new ").append(body.placeholders.expr(element));
        int dims = n.getDimensions().size();
        for (int i = 0; i < dims; i++) {
            text.append('[').append(values.get(i)).append(']');
        }
        if (n.getInitializers() != null) {
            text.append("[] {").append(String.join(", ", values.subList(dims, values.size()))).append('}');
        }
        return text.toString();
    }

    private String call(MethodInvocationTree call, StateLabel resume) {
        List<ExpressionTree> operands = new ArrayList<>();
        String receiver = null;
        if (call.getMethodSelect() instanceof MemberSelectTree m && !ExpressionShapes.isTypeName(m.getExpression(), body.references)) {
            operands.add(m.getExpression());
        }
        operands.addAll(call.getArguments());
        List<String> values = operands(operands, resume);
        if (call.getMethodSelect() instanceof MemberSelectTree m) {
            receiver = ExpressionShapes.isTypeName(m.getExpression(), body.references) ? body.placeholders.expr(m.getExpression()) : values.remove(0);
            return receiver + "." + m.getIdentifier() + "(" + String.join(", ", values) + ")";
        }
        return body.placeholders.expr(call.getMethodSelect()) + "(" + String.join(", ", values) + ")";
    }

    /** Evaluates operands in order: those left of the last one with an await are spilled. */
    private List<String> operands(List<? extends ExpressionTree> operands, StateLabel resume) {
        int last = -1;
        for (int i = 0; i < operands.size(); i++) {
            if (AwaitCalls.containsAwait(operands.get(i))) {
                last = i;
            }
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            values.add(value(operands.get(i), i < last, resume));
        }
        return values;
    }

    /** The target of an assignment: its array and index, or its receiver, evaluated first. */
    private String location(ExpressionTree target, StateLabel resume) {
        if (target instanceof IdentifierTree) {
            return body.placeholders.expr(target);
        }
        if (target instanceof ArrayAccessTree a) {
            List<String> ops = operands(List.of(a.getExpression(), a.getIndex()), resume);
            return spillIfNeeded(a.getExpression(), ops.get(0)) + "[" + spillIfNeeded(a.getIndex(), ops.get(1)) + "]";
        }
        if (target instanceof MemberSelectTree m) {
            if (ExpressionShapes.isTypeName(m.getExpression(), body.references)) {
                return body.placeholders.expr(target);
            }
            return spillIfNeeded(m.getExpression(), value(m.getExpression(), false, resume)) + "." + m.getIdentifier();
        }
        throw unsupported(target, "an await assigned to this kind of target");
    }

    private String spillIfNeeded(ExpressionTree e, String text) {
        return ExpressionShapes.isStable(e) || text.startsWith("tmp$") || text.startsWith("value$") ? text : spill(text);
    }

    private String spill(String text) {
        String name = "tmp$" + (++temps);
        code.addStatement("var $L = $L", name, text);
        return name;
    }

    private void hoistTouchedLocals(Tree tree) {
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree id, Void unused) {
                VariableTree v = body.references.target(id);
                if (v != null && body.hoisting.isSplitLevel(v)) {
                    body.hoisting.force(v);
                }
                return null;
            }
        }.scan(tree, null);
        body.use(tree);
    }

    private UnsupportedConstructException unsupported(Tree at, String what) {
        return body.unsupported(at, what);
    }
}
