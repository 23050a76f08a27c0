package io.jawait.processor.lowering;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import io.jawait.processor.analysis.AwaitCalls;
import io.jawait.processor.analysis.Statements;
import io.jawait.processor.model.StateLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers a try statement that contains awaits into a region (see {@link Regions}):
 * <pre>{@code
 * handler$ = H;  <try block>  <exit to END, through the finally>
 * case H:        // an exception in the try block
 *     handler$ = FT;
 *     try { throw failure$; }                  // javac picks the catch clause, as written
 *     catch (IOException e) { <await-free catch body> }
 *     catch (TimeoutException e) { failure$ = e; this.state = C; continue; }
 *     <exit to END>
 * case C:  TimeoutException e = (TimeoutException) failure$;  <awaiting catch body>  <exit to END>
 * case FT: completion$1 = -1; thrown$1 = failure$;   // an exception into the finally
 * case F:  handler$ = <outer>; <finally body>
 *          if (completion$1 < 0) throw thrown$1;
 *          state = completion$1; continue;
 * case END:
 * }</pre>
 */
final class TryLowering {
    private final BodyLowering body;

    TryLowering(BodyLowering body) {
        this.body = body;
    }

    void lower(TryTree s) {
        if (!s.getResources().isEmpty() && s.getCatches().isEmpty() && s.getFinallyBlock() == null) {
            new ResourceLowering(body).lower(s.getResources(), 0, s.getBlock());
            return;
        }
        Regions regions = body.regions;
        StateBuffer buffer = body.buffer;
        int depth = regions.depth();
        StateLabel outer = regions.handlerAt(depth);
        boolean hasFinally = s.getFinallyBlock() != null;
        StateLabel finallyEntry = hasFinally ? new StateLabel() : null;
        StateLabel intoFinally = hasFinally ? new StateLabel() : null;
        String completion = hasFinally ? regions.newCompletionField() : null;
        String thrown = hasFinally ? completion.replace("completion", "thrown") : null;
        StateLabel catches = s.getCatches().isEmpty() ? intoFinally : new StateLabel();
        StateLabel end = new StateLabel();
        String what = body.source.describe(s);

        buffer.anchor(body.source.pos(s));
        buffer.code().addStatement("$L = $L", Regions.HANDLER, catches);
        regions.enter(new Regions.Part(catches, finallyEntry, completion));
        if (s.getResources().isEmpty()) {
            body.statement(s.getBlock());
        } else {
            // JLS 14.20.3.2: the catches and finally of an extended try-with-resources enclose it.
            new ResourceLowering(body).lower(s.getResources(), 0, s.getBlock());
        }
        exit(end, depth);
        regions.leave();

        if (!s.getCatches().isEmpty()) {
            StateLabel inCatch = hasFinally ? intoFinally : outer;
            buffer.begin(catches, "catch of " + what);
            buffer.anchor(body.source.pos(s));
            buffer.code().addStatement("$L = $L", Regions.HANDLER, inCatch == null ? "0" : inCatch);
            regions.enter(new Regions.Part(inCatch, finallyEntry, completion));
            catchClauses(s, end, depth);
            regions.leave();
        }

        if (hasFinally) {
            buffer.begin(intoFinally, "exception into the finally of " + what);
            buffer.code().addStatement("$L = -1", completion);
            buffer.code().addStatement("$L = $L", thrown, Regions.FAILURE);
            buffer.begin(finallyEntry, "finally of " + what);
            buffer.anchor(body.source.pos(s.getFinallyBlock()));
            buffer.code().addStatement("$L = $L", Regions.HANDLER, outer == null ? "0" : outer);
            regions.enter(new Regions.Part(outer, null, null));
            body.statement(s.getFinallyBlock());
            regions.leave();
            if (buffer.isReachable()) {
                buffer.code().addStatement("if ($L < 0) throw $L", completion, thrown);
                buffer.code().addStatement("state = $L", completion);
                buffer.code().addStatement("continue");
                buffer.unreachable();
            }
        }
        buffer.begin(end, "after " + what);
    }

    /** The catch dispatch: javac's own catch clauses over a rethrow of the failure. */
    private void catchClauses(TryTree s, StateLabel end, int depth) {
        StateBuffer buffer = body.buffer;
        List<CatchTree> awaiting = new ArrayList<>();
        List<StateLabel> labels = new ArrayList<>();
        boolean completes = false;
        buffer.code().add("try {\n").indent().addStatement("throw $L", Regions.FAILURE).unindent();
        for (CatchTree c : s.getCatches()) {
            VariableTree p = c.getParameter();
            String type = body.placeholders.expr(p.getType());
            buffer.code().add("} catch ($L $L) {\n", type, p.getName()).indent();
            if (AwaitCalls.containsAwait(c.getBlock())) {
                if (p.getType().getKind() == com.sun.source.tree.Tree.Kind.UNION_TYPE) {
                    // A field of the alternatives' least upper bound, which MethodLowering finds.
                    body.hoisting.force(p);
                    body.scopeHints.put(p, c.getBlock());
                }
                StateLabel label = new StateLabel();
                awaiting.add(c);
                labels.add(label);
                buffer.code().addStatement("$L = $L", Regions.FAILURE, p.getName());
                buffer.code().addStatement("this.state = $L", label);
                buffer.code().addStatement("continue");
            } else {
                buffer.code().addStatement("$L", body.nativeText(c.getBlock()));
                completes |= Statements.canCompleteNormally(c.getBlock());
            }
            buffer.code().unindent();
        }
        buffer.code().add("}\n");
        if (completes) {
            exit(end, depth);
        } else {
            buffer.unreachable();
        }
        for (int i = 0; i < awaiting.size(); i++) {
            CatchTree c = awaiting.get(i);
            buffer.begin(labels.get(i), body.source.describe(c.getParameter()));
            body.locals.declareCaught(c.getParameter());
            for (var statement : ((BlockTree) c.getBlock()).getStatements()) {
                body.statement(statement);
            }
            exit(end, depth);
        }
    }

    /** Leaves the current region part for {@code end} if the code here is reachable. */
    private void exit(StateLabel end, int depth) {
        if (body.buffer.isReachable()) {
            body.buffer.code().add("$L\n", body.regions.exit(end, depth, "state", "continue;"));
            body.buffer.unreachable();
        }
    }
}
