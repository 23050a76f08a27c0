package io.jawait.processor.lowering;

import io.jawait.processor.model.StateLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * The try regions enclosing the code being lowered (Kotlin/JS's dynamic exception state): the
 * field {@code handler$} holds the state an exception goes to ({@code 0}: none, rethrow), and
 * every way out of a region restores it. Leaving the try or catch part of a region that has a
 * {@code finally} records where to go afterwards in the region's {@code completion$N} and runs the
 * finally first (Roslyn's pending branch); a jump crossing several finally blocks is chained
 * through small trampoline states.
 */
final class Regions {
    static final String HANDLER = "handler$";
    static final String FAILURE = "failure$";

    /**
     * A part of a try statement (try block, catch block or finally block) as code inside it sees it.
     *
     * @param handler where an exception thrown here goes, {@code null} for none
     * @param finallyEntry the finally to run when leaving this part, {@code null} if none
     * @param completionField the finally's pending-completion field
     */
    record Part(StateLabel handler, StateLabel finallyEntry, String completionField) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final List<Trampoline> trampolines = new ArrayList<>();
    private int finallyCount;

    /** A state that continues a jump through an outer finally (or restores the handler). */
    record Trampoline(StateLabel label, Deferred code) {
    }

    int depth() {
        return parts.size();
    }

    void enter(Part part) {
        parts.add(part);
    }

    void leave() {
        parts.remove(parts.size() - 1);
    }

    /** @return whether leaving the current code for {@code targetDepth} runs a finally block */
    boolean crossesFinally(int targetDepth) {
        for (int d = depth(); d > targetDepth; d--) {
            if (parts.get(d - 1).finallyEntry() != null) {
                return true;
            }
        }
        return false;
    }

    /** @return the handler in effect at {@code depth} ({@code null}: none) */
    StateLabel handlerAt(int depth) {
        return depth == 0 ? null : parts.get(depth - 1).handler();
    }

    boolean isEmpty() {
        return parts.isEmpty() && finallyCount == 0;
    }

    /** @return a fresh pending-completion field name for a new finally */
    String newCompletionField() {
        return "completion$" + (++finallyCount);
    }

    int finallyCount() {
        return finallyCount;
    }

    List<Trampoline> trampolines() {
        return trampolines;
    }

    /**
     * Code that leaves the current code for {@code target}, declared at region depth
     * {@code targetDepth}, running the finally blocks in between. Trampolines are created now;
     * the text is produced when rendering (state numbers are final then).
     *
     * @param stateRef how to write the state field ({@code state} or {@code this.state})
     * @param jump the jump statement ({@code continue;} or {@code continue dispatch;})
     * @return statements, each ending with a semicolon
     */
    Deferred exit(StateLabel target, int targetDepth, String stateRef, String jump) {
        return exitFrom(depth(), target, targetDepth, stateRef, jump);
    }

    private Deferred exitFrom(int from, StateLabel target, int targetDepth, String stateRef, String jump) {
        for (int d = from; d > targetDepth; d--) {
            Part part = parts.get(d - 1);
            if (part.finallyEntry() != null) {
                // Run this finally, then continue the jump from outside its region.
                StateLabel after = continuation(d - 1, target, targetDepth);
                return new Deferred(() -> part.completionField() + " = " + after + "; " + stateRef + " = "
                        + part.finallyEntry() + "; " + jump);
            }
        }
        StateLabel h = handlerAt(targetDepth);
        boolean restore = h != handlerAt(from);
        return new Deferred(() -> (restore ? HANDLER + " = " + (h == null ? "0" : h.toString()) + "; " : "")
                + stateRef + " = " + target + "; " + jump);
    }

    /** @return the state that finishes a jump from depth {@code from} (after a finally there ran) */
    private StateLabel continuation(int from, StateLabel target, int targetDepth) {
        boolean moreFinally = false;
        for (int d = from; d > targetDepth; d--) {
            moreFinally |= parts.get(d - 1).finallyEntry() != null;
        }
        if (!moreFinally && handlerAt(from) == handlerAt(targetDepth)) {
            return target;
        }
        StateLabel hop = new StateLabel();
        trampolines.add(new Trampoline(hop, exitFrom(from, target, targetDepth, "state", "continue;")));
        return hop;
    }
}
