package io.jawait.processor.lowering;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
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
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import io.jawait.processor.analysis.AwaitCalls;
import io.jawait.processor.model.StateLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Awaits nested inside larger expressions: the rest of the statement becomes a continuation,
 * {@code awaitsThen(a, value$1 -> { ...; state = NEXT; })}, whose parameter javac types by
 * inference, so no intermediate type is ever written. Operands evaluated before an await are
 * spilled into {@code var} temporaries first (JLS 15.7; Roslyn's spiller: everything left of the
 * last operand with an await). Locals the statement touches become fields (a lambda can neither
 * assign a local nor read one that is not effectively final).
 *
 * <p>The lowering is written in continuation-passing style: {@link #value} emits the code that
 * evaluates an expression, then hands the text of its value to the rest of the statement. That
 * lets a {@code ?:}, {@code &&}, {@code ||} or switch expression whose untaken side must not run
 * lower the rest of the statement once per side ({@link BranchLowering}).
 */
final class ContinuationLowering {
    private final BodyLowering body;
    /** The rest of a statement is lowered once per way its branches go: a bound on code size. */
    private static final int MAX_PATHS = 64;
    private final BranchLowering branches;
    private int temps;
    /** The code being written: the split-level code, with each continuation's body nested in it. */
    private CodeBlock.Builder code;
    /** How many lambdas and branches enclose the code being written. */
    private int depth;
    /** Whether the statement's first await is outside any branch: it alone decides to suspend. */
    private boolean suspendsAtTop;
    /** The statement's whole expression: the only place a compound assignment may await. */
    private ExpressionTree top;
    private final ArrayLowering arrays;
    private final InvocationLowering invocations;

    ContinuationLowering(BodyLowering body) {
        this.body = body;
        this.branches = new BranchLowering(this, body);
        this.arrays = new ArrayLowering(this, body);
        this.invocations = new InvocationLowering(this, body);
    }

    /**
     * Lowers a statement whose expression {@code e} holds nested awaits.
     *
     * @param statement the user statement (for positions and the state comment)
     * @param e the expression
     * @param terminal the statement's end, given the text of {@code e}'s value; returns whether it
     *     leaves by itself (a throw, or an exit that sets the state). Called once per way the
     *     statement's branches can go.
     */
    void lower(Tree statement, ExpressionTree e, Function<String, Terminal> terminal) {
        StateBuffer buffer = body.buffer;
        hoistTouchedLocals(e);
        if (statement instanceof VariableTree v && e instanceof NewArrayTree n && n.getType() == null
                && v.getType() instanceof ArrayTypeTree array) {
            arrays.declaredAs(n, array.getType());
        }
        buffer.anchor(body.source.pos(statement));
        buffer.markScoped();
        StateLabel resume = new StateLabel();
        StateLabel next = new StateLabel();
        code = CodeBlock.builder();
        depth = 0;
        suspendsAtTop = false;
        top = e;
        code.addStatement("state = $L", resume);
        int[] ends = {0};
        value(e, false, v -> {
            if (++ends[0] > MAX_PATHS) {
                throw unsupported(statement, "a statement whose awaits sit in more than " + MAX_PATHS
                        + " combinations of ?:, &&, || and switch sides (split it into several statements)");
            }
            Terminal end = terminal.apply(v);
            code.add(end.code());
            if (!end.leaves()) {
                code.addStatement("state = $L", next);
            }
        });
        buffer.code().add(code.build());
        if (!suspendsAtTop) {
            buffer.code().addStatement("if (suspended()) return");
        }
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
     * Emits the code that evaluates {@code e}'s awaits, then calls {@code k} with the text of its
     * value (stored in a temporary first if {@code spill}).
     */
    void value(ExpressionTree e, boolean spill, Consumer<String> k) {
        boolean bare = e instanceof NewArrayTree n && n.getType() == null;
        if (!AwaitCalls.containsAwait(e) && !(bare && spill)) {
            // (a spilled {...} element needs its type written: var tmp$1 = new int[] {...})
            String text = body.placeholders.expr(e);
            k.accept(spill && !isStable(e) ? spill(text) : text);
            return;
        }
        if (AwaitCalls.isAwait(e)) {
            // The awaited value is a lambda parameter: never reassigned, so never spilled.
            value(AwaitCalls.awaitedExpression(e), false, a -> awaitThen(a, v -> k.accept(body.placeholders.at(e, v))));
            return;
        }
        Consumer<String> out = spill ? text -> k.accept(spill(text)) : k;
        Tree.Kind kind = e.getKind();
        if (e instanceof ParenthesizedTree p) {
            value(p.getExpression(), false, t -> out.accept("(" + t + ")"));
        } else if (e instanceof ConditionalExpressionTree c) {
            branches.conditional(c, out);
        } else if (e instanceof BinaryTree b && (kind == Tree.Kind.CONDITIONAL_AND || kind == Tree.Kind.CONDITIONAL_OR)
                && AwaitCalls.containsAwait(b.getRightOperand())) {
            branches.shortCircuit(b, out);
        } else if (e instanceof SwitchExpressionTree s) {
            branches.switchExpression(s, out);
        } else if (e instanceof BinaryTree b) {
            operands(List.of(b.getLeftOperand(), b.getRightOperand()),
                    ops -> out.accept(at(e, ops.get(0) + " " + Operators.binary(kind) + " " + ops.get(1))));
        } else if (e instanceof UnaryTree u && Operators.isPrefix(kind)) {
            value(u.getExpression(), false, t -> out.accept(at(e, Operators.unary(kind) + t)));
        } else if (e instanceof TypeCastTree c) {
            String type = body.placeholders.expr(c.getType());
            value(c.getExpression(), false, t -> out.accept(at(e, "(" + type + ") " + t)));
        } else if (e instanceof MemberSelectTree m) {
            value(m.getExpression(), false, t -> out.accept(at(e, t + "." + m.getIdentifier())));
        } else if (e instanceof ArrayAccessTree a) {
            operands(List.of(a.getExpression(), a.getIndex()), ops -> out.accept(at(e, ops.get(0) + "[" + ops.get(1) + "]")));
        } else if (e instanceof InstanceOfTree i) {
            String test = body.placeholders.expr(i.getPattern() != null ? i.getPattern() : i.getType());
            value(i.getExpression(), false, t -> out.accept(at(e, t + " instanceof " + test)));
        } else if (e instanceof MethodInvocationTree call
                && (call.getTypeArguments().isEmpty() || call.getMethodSelect() instanceof MemberSelectTree)) {
            invocations.call(call, out);
        } else if (e instanceof NewClassTree n && n.getClassBody() == null && n.getTypeArguments().isEmpty()) {
            // outer.new Inner(a, b): the qualifier first, then the arguments (JLS 15.9.4)
            String type = body.placeholders.expr(n.getIdentifier());
            List<ExpressionTree> operands = new ArrayList<>();
            if (n.getEnclosingExpression() != null) {
                operands.add(n.getEnclosingExpression());
            }
            operands.addAll(n.getArguments());
            operands(operands, values -> {
                List<String> args = new ArrayList<>(values);
                String qualifier = n.getEnclosingExpression() != null ? args.remove(0) + "." : "";
                out.accept(qualifier + "new " + type + "(" + String.join(", ", args) + ")");
            });
        } else if (e instanceof NewClassTree n && n.getClassBody() != null && n.getEnclosingExpression() == null) {
            invocations.anonymousCreation(n, out);
        } else if (e instanceof CompoundAssignmentTree c && c == top) {
            // x op= await(e): read x first (JLS 15.26.2), evaluate the right operand whole (it may
            // change x: x += f(x++, await(a))), then restore x and let javac apply op= with its
            // implicit cast.
            location(c.getVariable(), target -> {
                String old = spill(target);
                value(c.getExpression(), false, v -> {
                    String right = isTemporary(v) ? v : spill(v);
                    code.add("$L = $L;\n$L;\n", target, old, at(e, target + " " + Operators.binary(kind) + "= " + right));
                    out.accept(target);
                });
            });
        } else if (e instanceof NewArrayTree n) {
            arrays.newArray(n, out);
        } else if (e instanceof AssignmentTree a) {
            location(a.getVariable(), target -> value(a.getExpression(), false, v -> out.accept(at(e, target + " = " + v))));
        } else {
            throw unsupported(BodyLowering.firstAwait(e), "an await inside this kind of expression ("
                    + BodyLowering.describeKind(e) + ")");
        }
    }

    /** Awaits {@code awaitable}: the rest of the statement goes into its continuation. */
    private void awaitThen(String awaitable, Consumer<String> k) {
        String v = "value$" + (++temps);
        boolean atTop = depth == 0;
        code.add(atTop ? "if (awaitsThen($L, $L -> {\n" : "awaitsThen($L, $L -> {\n", awaitable, v).indent();
        depth++;
        k.accept(v);
        depth--;
        code.unindent().add(atTop ? "})) return;\n" : "});\n");
        suspendsAtTop |= atTop;
    }

    /** Emits {@code if (condition) { whenTrue } else { whenFalse }}. */
    void branch(String condition, Runnable whenTrue, Runnable whenFalse) {
        code.add("if ($L) {\n", condition).indent();
        depth++;
        whenTrue.run();
        code.unindent().add("} else {\n").indent();
        whenFalse.run();
        depth--;
        code.unindent().add("}\n");
    }

    /** Emits a {@code switch} statement over {@code selector} whose cases {@code arms} write. */
    void switchOver(String selector, Runnable arms) {
        code.add("switch ($L) {\n", selector).indent();
        depth++;
        arms.run();
        depth--;
        code.unindent().add("}\n");
    }

    /** Emits one arrow case of {@link #switchOver}: {@code label -> { arm }}. */
    void switchCase(String label, Runnable arm) {
        code.add("$L -> {\n", label).indent();
        arm.run();
        code.unindent().add("}\n");
    }

    /** @return the code being written, for a statement a branch adds itself */
    CodeBlock.Builder code() {
        return code;
    }

    /** @return text standing for a copy of user code that is typed where it stands but never runs */
    String twin(Tree tree) {
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitNewClass(NewClassTree n, Void unused) {
                if (n.getClassBody() != null && n.getArguments().stream().anyMatch(AwaitCalls::containsAwait)) {
                    // its arguments are replaced by temporaries, which the other side does not have
                    throw unsupported(BodyLowering.firstAwait(n), "an anonymous class creation with awaits in its"
                            + " arguments on one side of ?:, &&, || or a switch expression");
                }
                return super.visitNewClass(n, unused);
            }
        }.scan(tree, null);
        return body.placeholders.expr(tree);
    }

    /** Evaluates operands in order: those left of the last one with an await are spilled. */
    void operands(List<? extends ExpressionTree> operands, Consumer<List<String>> k) {
        int last = -1;
        for (int i = 0; i < operands.size(); i++) {
            if (AwaitCalls.containsAwait(operands.get(i))) {
                last = i;
            }
        }
        operandsFrom(operands, 0, last, List.of(), k);
    }

    private void operandsFrom(List<? extends ExpressionTree> operands, int i, int last, List<String> done,
            Consumer<List<String>> k) {
        if (i == operands.size()) {
            k.accept(done);
            return;
        }
        value(operands.get(i), i < last, text -> {
            List<String> values = new ArrayList<>(done);   // each branch continues its own list
            values.add(text);
            operandsFrom(operands, i + 1, last, values, k);
        });
    }

    /** The target of an assignment: its array and index, or its receiver, evaluated first. */
    private void location(ExpressionTree target, Consumer<String> k) {
        if (target instanceof IdentifierTree) {
            k.accept(body.placeholders.expr(target));
        } else if (target instanceof ArrayAccessTree a) {
            operands(List.of(a.getExpression(), a.getIndex()), ops -> k.accept(
                    spillIfNeeded(a.getExpression(), ops.get(0)) + "[" + spillIfNeeded(a.getIndex(), ops.get(1)) + "]"));
        } else if (target instanceof MemberSelectTree m) {
            if (isTypeName(m.getExpression())) {
                k.accept(body.placeholders.expr(target));
            } else {
                value(m.getExpression(), false, t -> k.accept(spillIfNeeded(m.getExpression(), t) + "." + m.getIdentifier()));
            }
        } else {
            throw unsupported(target, "an await assigned to this kind of target");
        }
    }

    private String spillIfNeeded(ExpressionTree e, String text) {
        return isStable(e) || isTemporary(text) ? text : spill(text);
    }

    private static final java.util.regex.Pattern TEMPORARY =
            java.util.regex.Pattern.compile("(__p\\d+\\()?(tmp|value)\\$\\d+\\)?");

    /** @return whether {@code text} is a temporary or an awaited value (maybe positioned) */
    private static boolean isTemporary(String text) {
        return TEMPORARY.matcher(text).matches();
    }

    /** @return {@code text}, rebuilt from {@code e}, at {@code e}'s position (see {@link Placeholders#at}) */
    private String at(ExpressionTree e, String text) {
        return body.placeholders.at(e, text);
    }

    String spill(String text) {
        String name = "tmp$" + (++temps);
        code.addStatement("var $L = $L", name, text);
        return name;
    }

    /** @return whether evaluating {@code e} later gives the same value: a literal or {@code this} */
    private static boolean isStable(ExpressionTree e) {
        return e instanceof LiteralTree || (e instanceof IdentifierTree id && id.getName().contentEquals("this"));
    }

    /** Syntactic guess, as bodies are not attributed: a capitalized free name is a type. */
    boolean isTypeName(ExpressionTree e) {
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

    UnsupportedConstructException unsupported(Tree at, String what) {
        return body.unsupported(at, what);
    }
}
