package io.jawait;

/**
 * The coroutine behind {@link Asyncio#sleep(double, Object)}: a bare yield for a zero delay,
 * otherwise a timer that completes a future. The timer is cancelled if the sleeper is.
 */
final class Sleep<T> extends Coroutine<T> {
    private final double delay;
    private final T result;
    private EventLoop.TimerHandle timer;

    Sleep(double delay, T result) {
        if (Double.isNaN(delay)) {
            throw new IllegalArgumentException("sleep delay must be a number, got NaN");
        }
        this.delay = delay;
        this.result = result;
    }

    @Override
    @SuppressWarnings("fallthrough") // the machine's cases fall through when an await did not suspend
    protected void step() throws Throwable {
        switch (state) {
            case 0:
                state = 1;
                if (delay <= 0) {
                    if (yields()) {
                        return;
                    }
                } else {
                    EventLoop loop = task.loop();
                    Future<T> wake = loop.createFuture();
                    timer = loop.callLater(delay, () -> {
                        if (!wake.isDone()) {
                            wake.setResult(result);
                        }
                    });
                    if (awaits(wake)) {
                        return;
                    }
                }
                // fall through
            case 1:
                try {
                    awaited();
                } finally {
                    if (timer != null) {
                        timer.cancel();
                        timer = null;
                    }
                }
                complete(result);
                return;
            default:
                throw new IllegalStateException("bad state " + state);
        }
    }

    @Override
    public String toString() {
        return "sleep(" + delay + ")";
    }
}
