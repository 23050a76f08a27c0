package io.jawait.processor.lowering;

import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import io.jawait.processor.model.StateLabel;
import java.util.List;

/**
 * try-with-resources in an {@code @Async} body (Python's {@code async with}). Each resource is a
 * region whose "finally" closes it: an {@code AsyncCloseable} by awaiting {@code closeAsync()}
 * when the body completes (normally or by a jump), and {@code closeAsync(failure)} when it throws
 * (if that completes normally, the failure is gone); a plain {@code AutoCloseable} as Java does
 * (the machine's {@code close$} overloads let javac pick by the resource's static type). Several
 * resources nest, so they close in reverse order and a failing initializer closes the earlier ones.
 * <pre>{@code
 * r = <init>; handler$ = H;  <body>  <exit to END through C>
 * case C: handler$ = <outer>; if (r == null) { state = completion$1; continue; }
 *         if (awaits(close$(r))) { state = C2; return; }
 * case C2: awaited(); state = completion$1; continue;
 * case H: handler$ = <outer>; thrown$1 = failure$; if (r == null) throw thrown$1;
 *         if (awaits(closeFailed$(r, thrown$1))) { state = H2; return; }
 * case H2: awaited(); state = END; continue;
 * }</pre>
 */
final class ResourceLowering {
    private final BodyLowering body;

    ResourceLowering(BodyLowering body) {
        this.body = body;
    }

    /** Lowers {@code resources[index..]} around {@code block}. */
    void lower(List<? extends Tree> resources, int index, StatementTree block) {
        if (index == resources.size()) {
            body.statement(block);
            return;
        }
        if (!(resources.get(index) instanceof VariableTree resource)) {
            throw body.unsupported(resources.get(index), "a try-with-resources on an existing variable");
        }
        body.usesResources = true;
        StateBuffer buffer = body.buffer;
        Regions regions = body.regions;
        int depth = regions.depth();
        StateLabel outer = regions.handlerAt(depth);
        String outerText = outer == null ? "0" : null;
        String completion = regions.newCompletionField();
        String thrown = completion.replace("completion", "thrown");
        StateLabel close = new StateLabel();
        StateLabel failed = new StateLabel();
        StateLabel end = new StateLabel();
        String what = body.source.describe(resource);

        body.statement(resource);
        body.scopeHints.put(resource, block);   // for the type of a var resource nobody names
        Deferred r = new Deferred(() -> body.hoisting.isHoisted(resource)
                ? body.hoisting.fieldName(resource) : resource.getName().toString());
        buffer.anchor(body.source.pos(resource));
        buffer.code().addStatement("$L = $L", Regions.HANDLER, failed);
        regions.enter(new Regions.Part(failed, close, completion));
        lower(resources, index + 1, block);
        if (buffer.isReachable()) {
            buffer.code().add("$L\n", regions.exit(end, depth, "state", "continue;"));
            buffer.unreachable();
        }
        regions.leave();

        buffer.begin(close, "close " + what);
        body.hoisting.use(resource, body.current());
        buffer.anchor(body.source.pos(resource));
        buffer.code().addStatement("$L = $L", Regions.HANDLER, outerText != null ? outerText : outer);
        buffer.code().beginControlFlow("if ($L == null)", r).addStatement("state = $L", completion)
                .addStatement("continue").endControlFlow();
        StateLabel closed = new StateLabel();
        buffer.suspend(new Deferred(() -> "close$(" + r + ")"), closed, "closed " + what);
        buffer.code().addStatement("awaited()");
        buffer.code().addStatement("state = $L", completion);
        buffer.code().addStatement("continue");
        buffer.unreachable();

        buffer.begin(failed, "close " + what + " after a failure");
        body.hoisting.use(resource, body.current());
        buffer.anchor(body.source.pos(resource));
        buffer.code().addStatement("$L = $L", Regions.HANDLER, outerText != null ? outerText : outer);
        buffer.code().addStatement("$L = $L", thrown, Regions.FAILURE);
        buffer.code().addStatement("if ($L == null) throw $L", r, thrown);
        StateLabel handled = new StateLabel();
        buffer.suspend(new Deferred(() -> "closeFailed$(" + r + ", " + thrown + ")"), handled, "closed " + what + " after a failure");
        buffer.code().addStatement("awaited()");
        buffer.jump(end);
        buffer.begin(end, "after " + what);
    }
}
