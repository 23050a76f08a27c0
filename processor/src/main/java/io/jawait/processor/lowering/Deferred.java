package io.jawait.processor.lowering;

import java.util.function.Supplier;

/**
 * Code text decided after the lowering, when liveness is known (a local declaration renders as
 * a declaration or as an assignment to its field). JavaPoet's {@code $L} calls
 * {@link #toString()} only when the machine is rendered.
 */
final class Deferred {
    private final Supplier<String> text;

    Deferred(Supplier<String> text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text.get();
    }
}
