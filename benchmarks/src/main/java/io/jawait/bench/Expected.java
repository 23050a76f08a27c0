package io.jawait.bench;

/**
 * The result every peer must produce for W1-W3: a benchmark that returns anything else fails
 * instead of reporting the speed of a wrong answer.
 */
public final class Expected {
    /** W1: the sum of 0..n-1. */
    public static final long SPAWN_SUM = sumBelow(Sizes.SPAWN_TASKS);
    /** W2: the sum of the 0..rounds-1 messages echoed back. */
    public static final long PING_PONG_SUM = sumBelow(Sizes.PING_PONG_MESSAGES / 2);
    /** W3: the sum of {@code i & (slots - 1)} over the loop. */
    public static final long FAST_PATH_SUM = fastPathSum();

    private Expected() {
    }

    /**
     * @param actual what the benchmark computed
     * @param expected what it must compute
     * @return {@code actual}
     * @throws IllegalStateException if they differ
     */
    public static long check(long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException("wrong result " + actual + ", expected " + expected);
        }
        return actual;
    }

    private static long sumBelow(long n) {
        return n * (n - 1) / 2;
    }

    private static long fastPathSum() {
        long slots = Sizes.FAST_PATH_SLOTS;
        long full = Sizes.FAST_PATH_AWAITS / slots;
        long rest = Sizes.FAST_PATH_AWAITS % slots;
        return full * sumBelow(slots) + sumBelow(rest);
    }
}
