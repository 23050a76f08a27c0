package io.jawait.processor.lowering;

import com.palantir.javapoet.CodeBlock;
import io.jawait.processor.model.State;
import io.jawait.processor.model.StateLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates the cases of {@code step()} in source order. Tracks whether the code being written
 * is reachable (JLS 14.22), because javac rejects statements after a jump.
 */
final class StateBuffer {
    private final List<State> states = new ArrayList<>();
    private StateLabel label;
    private String comment;
    private CodeBlock.Builder code;
    private boolean scoped;
    private boolean reachable;

    StateBuffer(StateLabel first, String comment) {
        open(first, comment);
    }

    private void open(StateLabel l, String why) {
        label = l;
        comment = why;
        code = CodeBlock.builder();
        scoped = false;
        reachable = true;
    }

    private void close() {
        states.add(new State(label, comment, code.build(), scoped));
    }

    /** Starts state {@code next}; the current one falls through into it if it can. */
    void begin(StateLabel next, String why) {
        if (reachable && code.isEmpty()) {
            label.mergeInto(next);
            open(next, comment != null ? comment : why);
            return;
        }
        if (reachable) {
            code.add("// fall through\n");
        }
        close();
        open(next, why);
    }

    /** @return how many states are complete (the current one not included) */
    int closedCount() {
        return states.size();
    }

    /** @return the label of the state being written */
    StateLabel currentLabel() {
        return label;
    }

    /** @return the code of the current state */
    CodeBlock.Builder code() {
        return code;
    }

    /** Synthesized code from here on gets the user source position {@code pos}. */
    void anchor(long pos) {
        code.add("// @$L\n", pos);
    }

    /** The current state declares locals: give it its own block. */
    void markScoped() {
        scoped = true;
    }

    boolean isReachable() {
        return reachable;
    }

    /** Records that the code written last cannot complete normally. */
    void unreachable() {
        reachable = false;
    }

    /** {@code state = target; continue;} unless the code here is unreachable. */
    void jump(StateLabel target) {
        if (reachable) {
            code.addStatement("state = $L", target);
            code.addStatement("continue");
            reachable = false;
        }
    }

    /** Awaits {@code awaitable} (code text); the next state, {@code resume}, reads the outcome. */
    void suspend(Object awaitable, StateLabel resume, String why) {
        // The resume state is only needed once suspended: a done awaitable falls through at the
        // cost of no store (nothing reads state while awaits runs a child coroutine inline).
        code.beginControlFlow("if (awaits($L))", awaitable).addStatement("state = $L", resume)
                .addStatement("return").endControlFlow();
        begin(resume, why);
    }

    /** Ends the last state and numbers all states densely in order. */
    List<State> finish() {
        close();
        for (int i = 0; i < states.size(); i++) {
            states.get(i).label().assign(i);
        }
        return states;
    }
}
