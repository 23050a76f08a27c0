package io.jawait;

/**
 * The coroutine behind {@link Asyncio#sleep(double, Object)}: a bare yield for a zero delay,
 * otherwise a timer that completes a future. Awaited, neither is a frame: the awaiter waits on
 * the future (or yields) itself. The timer is cancelled if the sleeper is.
 */
final class Sleep<T> extends FramelessCoroutine<T> {
    private final double delay;
    private final T result;

    private Sleep(double delay, T result) {
        this.delay = delay;
        this.result = result;
    }

    /**
     * The coroutine for {@code sleep(delay, result)}: a bare yield for a delay of zero or less,
     * else a timed sleep.
     */
    static <T> Coroutine<T> of(double delay, T result) {
        if (Double.isNaN(delay)) {
            throw new IllegalArgumentException("sleep delay must be a number, got NaN");
        }
        return delay <= 0 ? new Yield<>(result) : new Sleep<>(delay, result);
    }

    @Override
    Awaitable<T> start(EventLoop loop) {
        Wake<T> wake = new Wake<>(loop, result);
        wake.timer = loop.callLater(delay, wake);
        return wake;
    }

    @Override
    String description() {
        return "sleep(" + delay + ")";
    }

    /**
     * The future a timed sleep awaits, and its timer's callback: no lambda per sleep. Cancelling
     * it (the sleeper was cancelled) cancels the timer, as asyncio's {@code sleep} does.
     */
    private static final class Wake<T> extends Future<T> implements Runnable {
        private final T result;
        private EventLoop.TimerHandle timer;

        Wake(EventLoop loop, T result) {
            super(loop);
            this.result = result;
        }

        /** The timer fired: wake the sleeper, unless it was cancelled meanwhile. */
        @Override
        public void run() {
            if (!isDone()) {
                setResult(result);
            }
        }

        @Override
        void onDone() {
            if (isCancelled() && timer != null) {
                timer.cancel();
            }
            timer = null;
        }

        @Override
        public String toString() {
            String s = super.toString();
            return "Future" + s.substring(s.indexOf('['));
        }
    }

    /**
     * {@code sleep(0)} (or a negative delay): one loop turn, then the result. Awaited, it is no
     * frame at all ({@link Coroutine#awaits} yields the awaiter itself); it runs as one only as a
     * task's coroutine.
     */
    static final class Yield<T> extends Coroutine<T> {
        private final T result;

        Yield(T result) {
            this.result = result;
        }

        T result() {
            return result;
        }

        @Override
        @SuppressWarnings("fallthrough") // the machine's cases fall through when an await did not suspend
        protected void step() throws Throwable {
            switch (state) {
                case 0:
                    state = 1;
                    if (yields()) {
                        return;
                    }
                    // fall through
                case 1:
                    awaited();
                    complete(result);
                    return;
                default:
                    throw new IllegalStateException("bad state " + state);
            }
        }

        @Override
        public String toString() {
            return "sleep(0.0)";
        }
    }
}
