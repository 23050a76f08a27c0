package io.jawait.processor.model;

/**
 * A state of a machine, numbered once the lowering is done: states are allocated out of order
 * (a loop's exit before its body) and renumbered densely in the order they appear in the source.
 * Code refers to a label through JavaPoet's {@code $L}, which calls {@link #toString()} at
 * rendering time, so the final number lands in the text.
 */
public final class StateLabel {
    private int number = -1;
    private StateLabel sameAs;

    /** @param number the state's final number */
    public void assign(int number) {
        this.number = number;
    }

    /**
     * Merges an empty state into the one that follows it: this label then means {@code next}.
     *
     * @param next the state this label stands for from now on
     */
    public void mergeInto(StateLabel next) {
        sameAs = next;
    }

    @Override
    public String toString() {
        if (sameAs != null) {
            return sameAs.toString();
        }
        if (number < 0) {
            throw new IllegalStateException("state label used but never placed");
        }
        return Integer.toString(number);
    }
}
