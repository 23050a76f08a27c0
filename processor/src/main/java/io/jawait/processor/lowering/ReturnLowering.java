package io.jawait.processor.lowering;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import io.jawait.processor.analysis.AwaitCalls;
import io.jawait.processor.model.StateLabel;

/**
 * Returns: {@code return Coroutine.of(x)} completes with {@code x}, {@code return Coroutine.done()}
 * with {@code null}; any other {@code return c} tail-awaits {@code c} (its result, never the
 * coroutine object, is the method's result). Tail awaits go through two shared states placed after
 * the body, so that the await runs outside any user {@code try} the return was in (the returned
 * coroutine's failure must reach the caller, not the method's own {@code catch}).
 */
final class ReturnLowering {
    /** The field holding the coroutine a return hands over. */
    static final String TAIL_FIELD = "tail$";

    private final BodyLowering body;
    private StateLabel tail;

    ReturnLowering(BodyLowering body) {
        this.body = body;
    }

    boolean usesTail() {
        return tail != null;
    }

    private StateLabel tail() {
        if (tail == null) {
            tail = new StateLabel();
        }
        return tail;
    }

    /** Lowers a return at split level. */
    void lower(ReturnTree r) {
        ExpressionTree e = BodyLowering.strip(r.getExpression());
        StateBuffer buffer = body.buffer;
        buffer.anchor(body.source.pos(r));
        if (isCoroutineFactory(e, "of", 1)) {
            ExpressionTree value = BodyLowering.strip(((MethodInvocationTree) e).getArguments().get(0));
            if (AwaitCalls.isAwait(value)) {
                body.awaitSimple(value, r);
                buffer.code().addStatement("complete(awaited())");
            } else {
                noAwait(value);
                body.use(value);
                buffer.code().addStatement("complete($L)", body.placeholders.expr(value));
            }
            buffer.code().addStatement("return");
        } else if (isCoroutineFactory(e, "done", 0)) {
            buffer.code().addStatement("complete(null)");
            buffer.code().addStatement("return");
        } else {
            noAwait(e);
            body.use(e);
            buffer.code().addStatement("$L = $L", TAIL_FIELD, body.placeholders.expr(e));
            buffer.jump(tail());
        }
        buffer.unreachable();
    }

    /** @return the replacement text of a return inside native code */
    Object nativeText(ReturnTree r) {
        ExpressionTree e = BodyLowering.strip(r.getExpression());
        if (isCoroutineFactory(e, "of", 1)) {
            String value = body.placeholders.expr(((MethodInvocationTree) e).getArguments().get(0));
            return "{ complete(" + value + "); return; }";
        }
        if (isCoroutineFactory(e, "done", 0)) {
            return "{ complete(null); return; }";
        }
        String value = body.placeholders.expr(e);
        StateLabel to = tail();
        body.useDispatchLabel();
        return new Deferred(() -> "{ " + TAIL_FIELD + " = " + value + "; this.state = " + to + "; continue dispatch; }");
    }

    /**
     * Emits the tail-await states if any return needs them.
     *
     * @return the index of the first of them among the states, or -1
     */
    int emitTailStates() {
        if (tail == null) {
            return -1;
        }
        StateBuffer buffer = body.buffer;
        buffer.unreachable();   // the body never falls into these: default comes before them
        int index = buffer.closedCount() + 1;
        buffer.begin(tail, "tail-await the coroutine a return handed over");
        StateLabel resume = new StateLabel();
        buffer.suspend(TAIL_FIELD, resume, "complete with the tail-awaited result");
        buffer.code().addStatement("complete(awaited())");
        buffer.code().addStatement("return");
        buffer.unreachable();
        return index;
    }

    private void noAwait(ExpressionTree e) {
        if (AwaitCalls.containsAwait(e)) {
            throw body.unsupported(BodyLowering.firstAwait(e), "an await nested inside a returned expression");
        }
    }

    private static boolean isCoroutineFactory(ExpressionTree e, String name, int arity) {
        if (!(e instanceof MethodInvocationTree call) || call.getArguments().size() != arity
                || !(call.getMethodSelect() instanceof MemberSelectTree select)) {
            return false;
        }
        String owner = select.getExpression().toString();
        return select.getIdentifier().contentEquals(name)
                && (owner.equals("Coroutine") || owner.equals("io.jawait.Coroutine"));
    }
}
