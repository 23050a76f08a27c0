package io.jawait.net;

import io.jawait.EventLoop;
import io.jawait.Future;
import java.util.ArrayDeque;

/**
 * Write flow control (asyncio's pause_writing/resume_writing and drain waiters): writing is
 * paused when more than the high-water mark is buffered and resumes at or below the low-water
 * mark; {@link StreamWriter#drain()} waits while paused.
 */
final class WriteFlow {
    static final int DEFAULT_HIGH = 64 * 1024;

    private final EventLoop loop;
    private final ArrayDeque<Future<Void>> waiters = new ArrayDeque<>();
    private long high = DEFAULT_HIGH;
    private long low = DEFAULT_HIGH / 4;
    private boolean paused;

    WriteFlow(EventLoop loop) {
        this.loop = loop;
    }

    void setLimits(long high, long low) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
        }
        this.high = high;
        this.low = low;
    }

    long high() {
        return high;
    }

    long low() {
        return low;
    }

    boolean isPaused() {
        return paused;
    }

    /** Called after bytes were buffered. */
    void buffered(long size) {
        if (!paused && size > high) {
            paused = true;
        }
    }

    /** Called after the socket took bytes (or the buffer was dropped). */
    void flushed(long size) {
        if (paused && size <= low) {
            paused = false;
            wake(null);
        }
    }

    Future<Void> newWaiter() {
        Future<Void> w = loop.createFuture();
        waiters.add(w);
        return w;
    }

    void remove(Future<Void> w) {
        waiters.remove(w);
    }

    /** The connection is gone: waiters fail with its cause, or return if it closed cleanly. */
    void connectionLost(Throwable cause) {
        if (paused) {
            paused = false;
            wake(cause);
        }
    }

    private void wake(Throwable cause) {
        for (Future<Void> w; (w = waiters.poll()) != null; ) {
            if (!w.isDone()) {
                if (cause == null) {
                    w.setResult(null);
                } else {
                    w.setException(cause);
                }
            }
        }
    }
}
