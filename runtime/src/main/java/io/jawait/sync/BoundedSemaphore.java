package io.jawait.sync;

/**
 * A {@link Semaphore} that treats releasing more permits than it started with as a bug
 * (asyncio's {@code BoundedSemaphore}): such a {@link #release()} throws instead of raising the
 * count. Use it for resource pools, where an extra release means a double release somewhere.
 */
public final class BoundedSemaphore extends Semaphore {
    private final int bound;

    /**
     * Creates a bounded semaphore with {@code value} permits, which is also its maximum.
     *
     * @param value the initial and maximum number of permits
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /**
     * Returns a permit and wakes the first waiter, if any.
     *
     * @throws IllegalStateException if every permit is already free ("BoundedSemaphore released
     *     too many times")
     */
    @Override
    public void release() {
        if (value() >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times");
        }
        super.release();
    }
}
