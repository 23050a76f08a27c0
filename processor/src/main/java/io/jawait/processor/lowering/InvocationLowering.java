package io.jawait.processor.lowering;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Method calls and anonymous class creations with awaits in their receiver or arguments, for
 * {@link ContinuationLowering}: the receiver first, then the arguments left to right (JLS 15.12.4).
 */
final class InvocationLowering {
    private final ContinuationLowering lowering;
    private final BodyLowering body;
    /** Temporaries of anonymous class creations' arguments, one name per argument tree. */
    private final Map<Tree, String> argumentNames = new IdentityHashMap<>();
    private int count;

    InvocationLowering(ContinuationLowering lowering, BodyLowering body) {
        this.lowering = lowering;
        this.body = body;
    }

    void call(MethodInvocationTree call, Consumer<String> k) {
        List<ExpressionTree> operands = new ArrayList<>();
        boolean typeReceiver = call.getMethodSelect() instanceof MemberSelectTree m && lowering.isTypeName(m.getExpression());
        boolean valueReceiver = call.getMethodSelect() instanceof MemberSelectTree && !typeReceiver;
        if (valueReceiver) {
            operands.add(((MemberSelectTree) call.getMethodSelect()).getExpression());
        }
        operands.addAll(call.getArguments());
        lowering.operands(operands, values -> {
            List<String> args = new ArrayList<>(values);
            String method;
            if (call.getMethodSelect() instanceof MemberSelectTree m) {
                String receiver = typeReceiver ? body.placeholders.expr(m.getExpression()) : args.remove(0);
                method = receiver + "." + typeArguments(call) + m.getIdentifier();
            } else {
                method = body.placeholders.expr(call.getMethodSelect());
            }
            k.accept(body.placeholders.callAt(call, method + "(" + String.join(", ", args) + ")"));
        });
    }

    /**
     * {@code new Base(a, await(b)) { ... }}: the arguments are evaluated into temporaries named
     * after their trees (the same in every branch a statement is lowered in), then the whole
     * creation, body included, is copied with each argument replaced by its temporary.
     */
    void anonymousCreation(NewClassTree n, Consumer<String> k) {
        List<? extends ExpressionTree> arguments = n.getArguments();
        lowering.operands(arguments, values -> {
            for (int i = 0; i < arguments.size(); i++) {
                ExpressionTree argument = arguments.get(i);
                String name = argumentNames.computeIfAbsent(argument, a -> "argument$" + (++count));
                lowering.code().addStatement("var $L = $L", name, values.get(i));
                body.placeholders.replace(argument, name);
            }
            k.accept(body.placeholders.expr(n));
        });
    }

    /** @return {@code <A, B>} of {@code x.<A, B>f()}, or nothing */
    private String typeArguments(MethodInvocationTree call) {
        if (call.getTypeArguments().isEmpty()) {
            return "";
        }
        List<String> types = new ArrayList<>();
        call.getTypeArguments().forEach(t -> types.add(body.placeholders.expr(t)));
        return "<" + String.join(", ", types) + ">";
    }
}
