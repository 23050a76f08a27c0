package io.jawait.processor.lowering;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.VariableTree;
import io.jawait.processor.analysis.AwaitCalls;
import io.jawait.processor.model.StateLabel;

/**
 * Local variable declarations in lowered code. Whether a local stays a Java local of its case or
 * becomes a field is only known once all states exist ({@link Hoisting}), so each declaration is
 * written as deferred text: {@code T x = init;} or {@code x = init;}.
 */
final class LocalLowering {
    private final BodyLowering body;

    LocalLowering(BodyLowering body) {
        this.body = body;
    }

    /** Lowers a local variable declaration at split level. */
    void declare(VariableTree v) {
        ExpressionTree init = v.getInitializer();
        StateLabel home = null;
        if (init != null && AwaitCalls.isAwait(BodyLowering.strip(init))
                && !AwaitCalls.containsAwait(AwaitCalls.awaitedExpression(BodyLowering.strip(init)))) {
            body.awaitSimple(init, v);
            home = body.current();
            boolean isVar = isVar(v);
            if (isVar && body.references.firstReference(v) == null) {
                body.buffer.code().addStatement("awaited()");   // an unused var: only the await matters
                return;
            }
            body.hoisting.declare(v, home);
            if (isVar) {
                body.hoisting.force(v);   // its type comes from getScope, as a field's
            }
            String type = isVar ? null : body.placeholders.expr(v.getType());
            String read = isVar ? "awaited()" : PrimitiveReads.into(v.getType(), "awaited()");
            String name = v.getName().toString();
            body.buffer.markScoped();
            body.buffer.code().add("$L;\n", new Deferred(() -> body.hoisting.isHoisted(v)
                    ? body.hoisting.fieldName(v) + " = " + read
                    : type + " " + name + " = " + read));
            return;
        }
        if (BodyLowering.strip(init) instanceof com.sun.source.tree.SwitchExpressionTree sw
                && AwaitCalls.containsAwait(init)) {
            body.hoisting.declare(v, body.current());
            body.hoisting.force(v);   // assigned in the arms' states
            body.switches.lowerExpression(sw,
                    value -> new Deferred(() -> body.hoisting.fieldName(v) + " = " + value + ";"));
            return;
        }
        if (AwaitCalls.containsAwait(init)) {
            body.hoisting.declare(v, body.current());
            body.hoisting.force(v);   // assigned inside a continuation: must be a field
            body.continuations.lower(v, init, value -> ContinuationLowering.Terminal.of("$L = $L;\n",
                    new Deferred(() -> body.hoisting.fieldName(v)), value));
            return;
        }
        home = body.current();
        body.hoisting.declare(v, home);
        body.use(init);
        String whole = body.placeholders.stmt(v);
        String value = init == null ? null : body.placeholders.expr(init);
        body.buffer.markScoped();
        body.buffer.code().add("$L", new Deferred(() -> {
            if (!body.hoisting.isHoisted(v)) {
                return whole + ";\n";
            }
            return value == null ? "" : body.hoisting.fieldName(v) + " = " + value + ";\n";
        }));
    }

    /**
     * Declares an enhanced for loop's variable, initialized by {@code init} (target-typed, so a
     * {@code var} variable becomes a field typed by javac's own inference).
     */
    void declareElement(VariableTree v, String init) {
        body.hoisting.declare(v, body.current());
        boolean isVar = isVar(v);
        if (isVar) {
            body.hoisting.force(v);
        }
        String type = isVar ? null : body.placeholders.expr(v.getType());
        String read = isVar ? init : PrimitiveReads.into(v.getType(), init);
        String name = v.getName().toString();
        body.buffer.markScoped();
        body.buffer.code().add("$L;\n", new Deferred(() -> (body.hoisting.isHoisted(v) ? body.hoisting.fieldName(v)
                : type + " " + name) + " = " + read));
    }

    /** Declares a catch parameter in the state starting its (awaiting) catch body. */
    void declareCaught(VariableTree p) {
        body.hoisting.declare(p, body.current());
        String name = p.getName().toString();
        body.buffer.markScoped();
        if (p.getType().getKind() == com.sun.source.tree.Tree.Kind.UNION_TYPE) {
            // catch (A | B e): always a field, typed by the alternatives' least upper bound
            body.hoisting.force(p);
            body.buffer.code().add("$L;\n", new Deferred(() -> body.hoisting.fieldName(p) + " = ("
                    + body.caughtUnionTypes.get(p) + ") " + Regions.FAILURE));
            return;
        }
        String type = body.placeholders.expr(p.getType());
        String cast = body.placeholders.expr(p.getType());
        body.buffer.code().add("$L;\n", new Deferred(() -> (body.hoisting.isHoisted(p) ? body.hoisting.fieldName(p)
                : type + " " + name) + " = (" + cast + ") " + Regions.FAILURE));
    }

    static boolean isVar(VariableTree v) {
        return v.getType() == null || v.getType().toString().equals("var");
    }
}
