package io.jawait;

/** The loop's time source: the system's monotonic clock, or virtual time for tests. */
abstract class LoopClock {
    /** Real time a virtual loop waits for outstanding I/O before jumping to the next timer. */
    static final long VIRTUAL_GRACE_MILLIS = 50;

    /** @return nanoseconds since the loop was created */
    abstract long nanos();

    abstract boolean isVirtual();

    /** Moves virtual time forward; a no-op on real time. */
    void advance(long nanos) {
    }

    static LoopClock system() {
        long origin = System.nanoTime();
        return new LoopClock() {
            @Override
            long nanos() {
                return System.nanoTime() - origin;
            }

            @Override
            boolean isVirtual() {
                return false;
            }
        };
    }

    static LoopClock virtual() {
        return new LoopClock() {
            private long now;

            @Override
            long nanos() {
                return now;
            }

            @Override
            boolean isVirtual() {
                return true;
            }

            @Override
            void advance(long nanos) {
                if (nanos > 0) {
                    now = Math.addExact(now, nanos);
                }
            }
        };
    }
}
