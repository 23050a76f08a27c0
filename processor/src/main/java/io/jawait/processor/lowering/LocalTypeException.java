package io.jawait.processor.lowering;

import com.sun.source.tree.VariableTree;

/**
 * A hoisted local's type cannot be used: it is not resolved yet (defer the method to the next
 * round) or it cannot be written in source (report {@code NON_DENOTABLE_LOCAL}).
 */
public final class LocalTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient VariableTree variable;
    private final boolean unresolved;

    LocalTypeException(VariableTree variable, boolean unresolved, String message) {
        super(message);
        this.variable = variable;
        this.unresolved = unresolved;
    }

    /** @return the local's declaration */
    public VariableTree variable() {
        return variable;
    }

    /** @return whether the type is merely not resolved yet (the method should be retried next round) */
    public boolean isUnresolved() {
        return unresolved;
    }
}
