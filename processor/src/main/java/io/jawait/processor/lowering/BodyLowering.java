package io.jawait.processor.lowering;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import io.jawait.processor.analysis.AwaitCalls;
import io.jawait.processor.analysis.Jumps;
import io.jawait.processor.analysis.LocalReferences;
import io.jawait.processor.analysis.Statements;
import io.jawait.processor.model.State;
import io.jawait.processor.model.StateLabel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers an {@code @Async} body into the cases of {@code step()}. Statements without awaits stay
 * native Java (copied, with their returns and outward jumps rewritten); statements with awaits are
 * split into states. Control flow statements are in {@link ControlFlowLowering}.
 */
public final class BodyLowering {
    final SourceInfo source;
    final LocalReferences references;
    /** Whether an enhanced for or a try-with-resources certainly does not suspend (stays native). */
    private final java.util.function.Predicate<Tree> synchronous;
    final Placeholders placeholders = new Placeholders();
    final Hoisting hoisting;
    final JumpTargets targets = new JumpTargets();
    final StateBuffer buffer;
    final Regions regions = new Regions();
    private final ReturnLowering returns;
    private final ControlFlowLowering controlFlow;
    private final TryLowering tries;
    final ContinuationLowering continuations;
    final LocalLowering locals;
    final SwitchLowering switches;
    final MemberTypes memberTypes = new MemberTypes(this);
    private boolean usesCondition;
    /** Trees inside the scope of locals the user never names, for their types (getScope). */
    final Map<VariableTree, Tree> scopeHints = new java.util.IdentityHashMap<>();
    /** The written types of multi-catch parameters (their alternatives' least upper bound), set by MethodLowering. */
    final Map<VariableTree, String> caughtUnionTypes = new java.util.IdentityHashMap<>();
    /** Whether try-with-resources needs the machine's {@code close$} helpers. */
    boolean usesResources;
    private boolean usesHandler;
    private boolean labeledDispatch;
    private int tailStart = -1;
    private int captureCount;

    BodyLowering(SourceInfo source, LocalReferences references, java.util.function.Predicate<Tree> synchronous) {
        this.source = source;
        this.synchronous = synchronous;
        this.references = references;
        this.hoisting = new Hoisting(references);
        this.buffer = new StateBuffer(new StateLabel(), "start");
        this.returns = new ReturnLowering(this);
        this.controlFlow = new ControlFlowLowering(this);
        this.tries = new TryLowering(this);
        this.continuations = new ContinuationLowering(this);
        this.locals = new LocalLowering(this);
        this.switches = new SwitchLowering(this);
    }

    /** Lowers the whole body into its states; the accessors below then describe the machine. */
    List<State> lower(BlockTree body) {
        for (StatementTree s : body.getStatements()) {
            statement(s);
        }
        // States after this point are only entered by jumps: default goes before them, so that
        // a body falling off its end (impossible after javac's checks) fails loudly.
        buffer.unreachable();
        tailStart = buffer.closedCount() + 1;
        returns.emitSharedStates();
        for (Regions.Trampoline t : regions.trampolines()) {
            buffer.begin(t.label(), "continue a jump after a finally");
            buffer.code().add("$L\n", t.code());
            buffer.unreachable();
        }
        if (tailStart > buffer.closedCount()) {
            tailStart = -1;
        }
        return buffer.finish();
    }

    /** @return whether there are try regions (a handler field and a catch-all around the switch) */
    boolean usesHandler() {
        return usesHandler;
    }

    /** @return the index of the first tail-await state, placed after {@code default}, or -1 */
    int tailStart() {
        return tailStart;
    }

    /** Native code jumps with {@code continue dispatch}: the dispatch loop needs its label. */
    void useDispatchLabel() {
        labeledDispatch = true;
    }

    boolean usesTail() {
        return returns.usesTail();
    }

    boolean usesResult() {
        return returns.usesResult();
    }

    boolean labeledDispatch() {
        return labeledDispatch;
    }

    /** Lowers one statement at split level (directly in a case, not inside native code). */
    void statement(StatementTree s) {
        switch (s.getKind()) {
            case VARIABLE -> locals.declare((VariableTree) s);
            case RETURN -> returns.lower((ReturnTree) s);
            case YIELD -> switches.yieldValue(s, ((com.sun.source.tree.YieldTree) s).getValue());
            case BREAK, CONTINUE -> jump(s);
            // A local type declared in one case is invisible from the others: it becomes a member
            // type of the machine (when it captures nothing).
            case CLASS, RECORD, ENUM, INTERFACE -> memberTypes.move((com.sun.source.tree.ClassTree) s);
            default -> {
                if (!AwaitCalls.maySuspend(s, synchronous) && !introducesBindings(s)) {
                    nativeStatement(s);
                } else {
                    awaitingStatement(s);
                }
            }
        }
    }

    /**
     * {@code if (!(o instanceof String s)) return;} puts {@code s} in scope after the if: lowered
     * like an awaiting if, so that {@code s} becomes a field other states can read.
     */
    private static boolean introducesBindings(StatementTree s) {
        return s instanceof com.sun.source.tree.IfTree i && io.jawait.processor.analysis.Bindings.any(i.getCondition());
    }

    private void awaitingStatement(StatementTree s) {
        switch (s.getKind()) {
            case BLOCK -> {
                ((BlockTree) s).getStatements().forEach(this::statement);
                releaseLocalsOf((BlockTree) s);
            }
            case EXPRESSION_STATEMENT -> expressionStatement((ExpressionStatementTree) s);
            case THROW -> {
                ExpressionTree e = strip(((ThrowTree) s).getExpression());
                if (AwaitCalls.isAwait(e) && !AwaitCalls.containsAwait(AwaitCalls.awaitedExpression(e))) {
                    awaitSimple(e, s);
                    buffer.code().addStatement("throw this.<Throwable>awaited()");
                    buffer.unreachable();
                } else {
                    continuations.lower(s, e, v -> new ContinuationLowering.Terminal(
                            com.palantir.javapoet.CodeBlock.of("throw $L;\n", v), true));
                }
            }
            case IF, WHILE_LOOP, DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP, LABELED_STATEMENT -> controlFlow.lower(s);
            case SWITCH -> switches.lower((com.sun.source.tree.SwitchTree) s);
            case TRY -> {
                usesHandler = true;
                usesResources |= !((com.sun.source.tree.TryTree) s).getResources().isEmpty();
                tries.lower((com.sun.source.tree.TryTree) s);
            }
            default -> throw unsupported(s, "an await inside a " + describeKind(s) + " statement");
        }
    }

    /**
     * At the normal end of a lowered block, clears the fields of its reference-typed hoisted locals:
     * a machine (and the task holding it) must not keep objects alive that the user's code can no
     * longer reach (Kotlin's spilled-variable cleanup). Jumps out of the block skip this; the field
     * is then released when reassigned or with the machine.
     */
    private void releaseLocalsOf(BlockTree block) {
        if (!buffer.isReachable()) {
            return;
        }
        for (StatementTree s : block.getStatements()) {
            if (s instanceof VariableTree v && hoisting.isSplitLevel(v)) {
                buffer.code().add("$L", new Deferred(() -> hoisting.isHoisted(v) && hoisting.holdsReference(v)
                        ? hoisting.fieldName(v) + " = null;\n" : ""));
            }
        }
    }

    /** Copies an await-free statement as is, rewriting returns and jumps that leave it. */
    void nativeStatement(StatementTree s) {
        buffer.code().addStatement("$L", nativeText(s));
        if (!Statements.canCompleteNormally(s)) {
            buffer.unreachable();
        }
    }

    /** @return the placeholder of an await-free statement, its outward jumps rewritten */
    String nativeText(StatementTree s) {
        for (Tree jump : Jumps.leaving(s)) {
            if (jump instanceof ReturnTree r) {
                placeholders.replace(r, returns.nativeText(r));
            } else if (jump instanceof com.sun.source.tree.YieldTree y) {
                placeholders.replace(y, switches.nativeYield(y));
                labeledDispatch = true;
            } else {
                JumpTargets.Target t = targets.find(jump);
                if (t == null) {
                    throw unsupported(jump, "this jump");
                }
                StateLabel to = jump.getKind() == Tree.Kind.BREAK ? t.breakTo() : t.continueTo();
                Deferred exit = regions.exit(to, t.depth(), "this.state", "continue dispatch;");
                placeholders.replace(jump, new Deferred(() -> "{ " + exit + " }"));
                labeledDispatch = true;
            }
        }
        use(s);
        hoisting.nestedDeclarations(Hoisting.declaredInside(s), current());
        return placeholders.stmt(s);
    }

    private void jump(StatementTree s) {
        JumpTargets.Target t = targets.find(s);
        if (t == null) {
            throw unsupported(s, "this jump");
        }
        buffer.anchor(source.pos(s));
        StateLabel to = s.getKind() == Tree.Kind.BREAK ? t.breakTo() : t.continueTo();
        buffer.code().add("$L\n", regions.exit(to, t.depth(), "state", "continue;"));
        buffer.unreachable();
    }

    private void expressionStatement(ExpressionStatementTree s) {
        expression(s, s.getExpression());
    }

    /** Lowers an expression evaluated as a statement (an expression statement or an arrow case body). */
    void expression(Tree s, ExpressionTree expression) {
        if (!AwaitCalls.containsAwait(expression)) {
            use(expression);
            buffer.code().addStatement("$L", placeholders.stmt(expression));
            return;
        }
        ExpressionTree e = strip(expression);
        if (e instanceof AssignmentTree a && a.getVariable() instanceof IdentifierTree target
                && strip(a.getExpression()) instanceof com.sun.source.tree.SwitchExpressionTree sw) {
            use(target);
            VariableTree local = references.target(target);
            if (local != null && hoisting.isSplitLevel(local)) {
                hoisting.force(local);   // assigned in the arms' states
            }
            String to = placeholders.expr(target);
            switches.lowerExpression(sw, value -> to + " = " + value + ";");
            return;
        }
        if (AwaitCalls.isAwait(e) && !AwaitCalls.containsAwait(AwaitCalls.awaitedExpression(e))) {
            awaitSimple(e, s);
            buffer.code().addStatement("awaited()");
            return;
        }
        if (e instanceof AssignmentTree a && a.getVariable() instanceof IdentifierTree target
                && AwaitCalls.isAwait(strip(a.getExpression()))
                && !AwaitCalls.containsAwait(AwaitCalls.awaitedExpression(strip(a.getExpression())))
                && explicitlyTyped(references.target(target))) {
            // A local with a written type: read with the primitive conversion it needs. Other
            // targets (fields, var locals) take the continuation path, where javac converts.
            awaitSimple(a.getExpression(), s);
            use(target);
            buffer.code().addStatement("$L = $L", placeholders.expr(target),
                    PrimitiveReads.into(references.target(target).getType(), "awaited()"));
            return;
        }
        boolean compound = e instanceof com.sun.source.tree.CompoundAssignmentTree;
        continuations.lower(s, e, v -> compound ? ContinuationLowering.Terminal.of("")
                : ContinuationLowering.Terminal.of("$L;\n", v));
    }

    /**
     * @return the text of a condition with nested awaits, evaluated by a continuation into the
     *     machine's {@code condition$} field
     */
    String nestedCondition(ExpressionTree c, Tree statement) {
        usesCondition = true;
        continuations.lower(statement, c, v -> ContinuationLowering.Terminal.of("condition$$ = $L;\n", v));
        return "condition$";
    }

    boolean usesCondition() {
        return usesCondition;
    }

    /** The machine needs the {@code condition$} field. */
    void useCondition() {
        usesCondition = true;
    }

    /** @return how many iterator fields ({@code iterator$N}) enhanced for loops use */
    int iterators() {
        return controlFlow.iterators();
    }

    /**
     * Suspends on {@code await(e)} (possibly parenthesized); the outcome is read with
     * {@code awaited()} in the new current state.
     */
    void awaitSimple(ExpressionTree awaitCall, Tree statement) {
        ExpressionTree awaited = AwaitCalls.awaitedExpression(strip(awaitCall));
        if (AwaitCalls.containsAwait(awaited)) {
            throw unsupported(firstAwait(awaited), "an await nested inside another await");
        }
        use(awaited);
        buffer.anchor(source.pos(statement));
        buffer.suspend(placeholders.expr(awaited), new StateLabel(), source.describe(statement));
        buffer.anchor(source.pos(statement));
    }

    /**
     * Marks the locals {@code tree} uses as used in the current state, and gives lambdas and
     * classes in it a fresh copy of each hoisted local they capture: they must see the value of
     * this moment, not the field's later values (a loop reassigns it on every iteration).
     */
    void use(Tree tree) {
        if (tree == null) {
            return;
        }
        hoisting.useAll(tree, current());
        Map<VariableTree, String> copies = new LinkedHashMap<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree id, Void unused) {
                VariableTree v = references.target(id);
                if (v != null && references.isCaptured(id) && hoisting.isSplitLevel(v)) {
                    String copy = copies.computeIfAbsent(v, x -> v.getName() + "$c" + (++captureCount));
                    placeholders.replace(id, new Deferred(() -> hoisting.isHoisted(v) ? copy : id.getName().toString()));
                }
                return null;
            }
        }.scan(tree, null);
        copies.forEach((v, copy) -> {
            buffer.markScoped();
            buffer.code().add("$L", new Deferred(() -> hoisting.isHoisted(v)
                    ? "final var " + copy + " = " + hoisting.fieldName(v) + ";\n" : ""));
        });
    }

    StateLabel current() {
        return buffer.currentLabel();
    }

    static ExpressionTree strip(ExpressionTree e) {
        while (e instanceof ParenthesizedTree p) {
            e = p.getExpression();
        }
        return e;
    }

    /** @return where to report the first await in {@code tree}: its name (javac reports a call at its '(') */
    static Tree firstAwait(Tree tree) {
        List<? extends Tree> awaits = AwaitCalls.awaitsIn(tree);
        return awaits.isEmpty() ? tree
                : ((com.sun.source.tree.MethodInvocationTree) awaits.get(0)).getMethodSelect();
    }

    static String describeKind(Tree t) {
        return t.getKind().name().toLowerCase().replace('_', ' ');
    }

    UnsupportedConstructException unsupported(Tree at, String what) {
        return new UnsupportedConstructException(at, what + " is not supported yet");
    }

    /** Whether {@code v} is a local or parameter declared with a written type (not {@code var}). */
    private static boolean explicitlyTyped(com.sun.source.tree.VariableTree v) {
        return v != null && !LocalLowering.isVar(v);
    }
}
