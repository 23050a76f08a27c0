package io.jawait.processor.lowering;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
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
            String text = body.placeholders.expr(e);
            return spill && !isStable(e) ? spill(text) : text;
        }
        String text;
        if (AwaitCalls.isAwait(e)) {
            return awaitThen(value(AwaitCalls.awaitedExpression(e), false, resume), resume);
        } else if (e instanceof ParenthesizedTree p) {
            text = "(" + value(p.getExpression(), false, resume) + ")";
        } else if (e instanceof ConditionalExpressionTree c && hasAwaitingArm(c)) {
            // c ? await(a) : b  ==  await(c ? a : Coroutine.of(b)): the untaken arm is never
            // evaluated, and a done coroutine never suspends. The awaitable goes through a var
            // so that javac types the conditional standalone before inferring the continuation.
            String condition = value(c.getCondition(), false, resume);
            return awaitThen(spill(condition + " ? " + arm(c.getTrueExpression()) + " : "
                    + arm(c.getFalseExpression())), resume);
        } else if (e instanceof BinaryTree b && (e.getKind() == Tree.Kind.CONDITIONAL_AND
                || e.getKind() == Tree.Kind.CONDITIONAL_OR) && AwaitCalls.containsAwait(b.getRightOperand())) {
            // x && await(a) == await(x ? a : Coroutine.of(false)); || likewise with true.
            boolean and = e.getKind() == Tree.Kind.CONDITIONAL_AND;
            String left = value(b.getLeftOperand(), false, resume);
            String right = awaitedOnly(b.getRightOperand());
            return awaitThen(spill(left + " ? " + (and ? right : COROUTINE + ".of(true)") + " : "
                    + (and ? COROUTINE + ".of(false)" : right)), resume);
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
        } else if (e instanceof NewArrayTree n && n.getType() != null) {
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
        if (open == 0) {
            code.addStatement("state = $L", resume);
            code.add("if (awaitsThen($L, $L -> {\n", awaitable, v).indent();
        } else {
            code.add("awaitsThen($L, $L -> {\n", awaitable, v).indent();
        }
        open++;
        return v;
    }

    private boolean hasAwaitingArm(ConditionalExpressionTree c) {
        return AwaitCalls.containsAwait(c.getTrueExpression()) || AwaitCalls.containsAwait(c.getFalseExpression());
    }

    /** @return an arm of {@code ?:} as an awaitable: {@code await(a)} gives {@code a}, a value a done coroutine */
    private String arm(ExpressionTree arm) {
        ExpressionTree a = BodyLowering.strip(arm);
        if (AwaitCalls.isAwait(a)) {
            return awaitedOnly(a);
        }
        if (AwaitCalls.containsAwait(a)) {
            throw unsupported(BodyLowering.firstAwait(a), "an await nested inside an arm of ?:");
        }
        return COROUTINE + ".of(" + body.placeholders.expr(a) + ")";
    }

    /** @return the awaitable of an operand that must be exactly {@code await(a)} with an await-free {@code a} */
    private String awaitedOnly(ExpressionTree operand) {
        ExpressionTree a = BodyLowering.strip(operand);
        if (!AwaitCalls.isAwait(a) || AwaitCalls.containsAwait(AwaitCalls.awaitedExpression(a))) {
            throw unsupported(BodyLowering.firstAwait(a), "an await nested inside a short-circuit operand");
        }
        return body.placeholders.expr(AwaitCalls.awaitedExpression(a));
    }

    /** {@code new T[d]...} or {@code new T[]{...}}: dimensions, then elements, left to right. */
    private String newArray(NewArrayTree n, StateLabel resume) {
        List<ExpressionTree> operands = new ArrayList<>(n.getDimensions());
        if (n.getInitializers() != null) {
            operands.addAll(n.getInitializers());
        }
        List<String> values = operands(operands, resume);
        StringBuilder text = new StringBuilder("new ").append(body.placeholders.expr(n.getType()));
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
        if (call.getMethodSelect() instanceof MemberSelectTree m && !isTypeName(m.getExpression())) {
            operands.add(m.getExpression());
        }
        operands.addAll(call.getArguments());
        List<String> values = operands(operands, resume);
        if (call.getMethodSelect() instanceof MemberSelectTree m) {
            receiver = isTypeName(m.getExpression()) ? body.placeholders.expr(m.getExpression()) : values.remove(0);
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
            if (isTypeName(m.getExpression())) {
                return body.placeholders.expr(target);
            }
            return spillIfNeeded(m.getExpression(), value(m.getExpression(), false, resume)) + "." + m.getIdentifier();
        }
        throw unsupported(target, "an await assigned to this kind of target");
    }

    private String spillIfNeeded(ExpressionTree e, String text) {
        return isStable(e) || text.startsWith("tmp$") || text.startsWith("value$") ? text : spill(text);
    }

    private String spill(String text) {
        String name = "tmp$" + (++temps);
        code.addStatement("var $L = $L", name, text);
        return name;
    }

    /** @return whether evaluating {@code e} later gives the same value: a literal or {@code this} */
    private static boolean isStable(ExpressionTree e) {
        return e instanceof LiteralTree || (e instanceof IdentifierTree id && id.getName().contentEquals("this"));
    }

    /** Syntactic guess, as bodies are not attributed: a capitalized free name is a type. */
    private boolean isTypeName(ExpressionTree e) {
        if (e instanceof IdentifierTree id) {
            return body.references.target(id) == null && Character.isUpperCase(id.getName().charAt(0));
        }
        return e instanceof MemberSelectTree m && Character.isUpperCase(m.getIdentifier().charAt(0))
                && isQualifiedName(m.getExpression());
    }

    private static boolean isQualifiedName(ExpressionTree e) {
        return e instanceof IdentifierTree || (e instanceof MemberSelectTree m && isQualifiedName(m.getExpression()));
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
