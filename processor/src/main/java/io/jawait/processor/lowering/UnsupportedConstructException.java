package io.jawait.processor.lowering;

import com.sun.source.tree.Tree;

/**
 * The lowering met a construct it does not compile yet; reported as
 * {@code UNSUPPORTED_CONSTRUCT} at the tree instead of miscompiling it.
 */
public final class UnsupportedConstructException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Tree tree;

    /**
     * @param tree where to report
     * @param message what is not supported
     */
    public UnsupportedConstructException(Tree tree, String message) {
        super(message);
        this.tree = tree;
    }

    /** @return the tree to report at */
    public Tree tree() {
        return tree;
    }
}
