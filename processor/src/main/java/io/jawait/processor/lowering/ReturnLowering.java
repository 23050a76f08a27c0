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
 * coroutine object, is the method's result). Tail awaits go through shared states placed after
 * the body, outside every try region: the returned coroutine's failure must reach the caller, not
 * the method's own {@code catch}. A return leaving a try region with a {@code finally} keeps its
 * value in {@code result$} and completes after the finally ran.
 */
final class ReturnLowering {
    /** The field holding the coroutine a return hands over. */
    static final String TAIL_FIELD = "tail$";
    /** The field holding a return value while finally blocks run. */
    static final String RESULT_FIELD = "result$";

    private final BodyLowering body;
    private StateLabel tail;
    private StateLabel result;

    ReturnLowering(BodyLowering body) {
        this.body = body;
    }

    boolean usesTail() {
        return tail != null;
    }

    boolean usesResult() {
        return result != null;
    }

    /** Lowers a return at split level. */
    void lower(ReturnTree r) {
        ExpressionTree e = BodyLowering.strip(r.getExpression());
        StateBuffer buffer = body.buffer;
        buffer.anchor(body.source.pos(r));
        if (isCoroutineFactory(e, "of", 1)) {
            ExpressionTree value = BodyLowering.strip(((MethodInvocationTree) e).getArguments().get(0));
            String text;
            if (AwaitCalls.isAwait(value) && !AwaitCalls.containsAwait(AwaitCalls.awaitedExpression(value))) {
                body.awaitSimple(value, r);
                text = "awaited()";
            } else if (AwaitCalls.containsAwait(value)) {
                // Complete from inside the continuation: keep the value, leave for the result state.
                if (result == null) {
                    result = new StateLabel();
                }
                if (value instanceof com.sun.source.tree.SwitchExpressionTree sw) {
                    // arms (blocks too) store the value, then the switch's end leaves for the result
                    body.switches.lowerExpression(sw, v -> RESULT_FIELD + " = " + v + ";");
                    buffer.anchor(body.source.pos(r));
                    buffer.code().add("$L\n", body.regions.exit(result, 0, "state", "continue;"));
                    buffer.unreachable();
                    return;
                }
                Deferred exit = body.regions.exit(result, 0, "state", "");
                body.continuations.lower(r, value, v -> new ContinuationLowering.Terminal(
                        com.palantir.javapoet.CodeBlock.of("$L = $L;\n$L\n", RESULT_FIELD, v, exit), true));
                return;
            } else {
                noAwait(value);
                body.use(value);
                text = body.placeholders.expr(value);
            }
            buffer.code().add("$L\n", complete(text, "state", "continue;"));
        } else if (isCoroutineFactory(e, "done", 0)) {
            buffer.code().add("$L\n", complete("null", "state", "continue;"));
        } else {
            noAwait(e);
            body.use(e);
            buffer.code().addStatement("$L = $L", TAIL_FIELD, body.placeholders.expr(e));
            buffer.code().add("$L\n", body.regions.exit(tail(), 0, "state", "continue;"));
        }
        buffer.unreachable();
    }

    /** @return the replacement text of a return inside native code */
    Object nativeText(ReturnTree r) {
        ExpressionTree e = BodyLowering.strip(r.getExpression());
        Object code;
        if (isCoroutineFactory(e, "of", 1)) {
            code = complete(body.placeholders.expr(((MethodInvocationTree) e).getArguments().get(0)),
                    "this.state", "continue dispatch;");
        } else if (isCoroutineFactory(e, "done", 0)) {
            code = complete("null", "this.state", "continue dispatch;");
        } else {
            String value = body.placeholders.expr(e);
            Deferred exit = body.regions.exit(tail(), 0, "this.state", "continue dispatch;");
            code = new Deferred(() -> TAIL_FIELD + " = " + value + "; " + exit);
        }
        if (code instanceof Deferred) {
            body.useDispatchLabel();
        }
        Object statements = code;
        return new Deferred(() -> "{ " + statements + " }");
    }

    /** Completes with {@code value} now, or after the finally blocks the return leaves. */
    private Object complete(String value, String stateRef, String jump) {
        if (!body.regions.crossesFinally(0)) {
            return "complete(" + value + "); return;";
        }
        if (result == null) {
            result = new StateLabel();
        }
        Deferred exit = body.regions.exit(result, 0, stateRef, jump);
        return new Deferred(() -> RESULT_FIELD + " = " + value + "; " + exit);
    }

    private StateLabel tail() {
        if (tail == null) {
            tail = new StateLabel();
        }
        return tail;
    }

    /** Emits the states returns jump to, after the body. */
    void emitSharedStates() {
        StateBuffer buffer = body.buffer;
        if (result != null) {
            buffer.begin(result, "complete with a value returned through a finally");
            buffer.code().addStatement("complete($L)", RESULT_FIELD);
            buffer.code().addStatement("return");
            buffer.unreachable();
        }
        if (tail != null) {
            buffer.begin(tail, "tail-await the coroutine a return handed over");
            StateLabel resume = new StateLabel();
            buffer.suspend(TAIL_FIELD, resume, "complete with the tail-awaited result");
            buffer.code().addStatement("complete(awaited())");
            buffer.code().addStatement("return");
            buffer.unreachable();
        }
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
