package io.jawait;

/** {@link Coroutine#of}, {@link Coroutine#done()} and {@link Coroutine#failed}: finished from the start. */
final class CompletedCoroutine<T> extends Coroutine<T> {
    CompletedCoroutine(boolean failed, Object outcome) {
        finishedFromTheStart(failed, outcome);
    }

    @Override
    protected void step() {
        throw new IllegalStateException("a completed coroutine has no steps");
    }

    @Override
    public String toString() {
        return isFailed() ? "Coroutine.failed(" + rawOutcome() + ")" : "Coroutine.of(" + rawOutcome() + ")";
    }
}
