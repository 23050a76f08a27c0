package io.jawait;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A coroutine scheduled to run on the loop (asyncio's {@code Task}); a {@link Future} of its
 * result.
 *
 * <p>The first step runs on a later loop iteration, never inside {@code createTask}. Each step
 * runs the innermost awaited coroutine until it suspends on a pending future. When the task's
 * coroutine finishes, the task completes with its result or failure; a
 * {@link CancelledException} escaping the coroutine makes the task cancelled.
 *
 * <p>{@link #cancel(String)} is a request: it cancels the future the task waits on (or, if
 * none, marks the task so that its next step throws), so the coroutine sees a
 * {@link CancelledException} at its suspended await, once. The coroutine may catch it; its
 * {@code finally} blocks run and may await. A task cancelled before its first step never runs
 * its coroutine. A task cancelled while it runs (by itself, or by a {@link TaskGroup} re-arming an
 * outside cancellation) gets it at its next await that suspends: the future it starts waiting on
 * is cancelled at once.
 *
 * @param <T> the result type
 */
public class Task<T> extends Future<T> {
    private static final AtomicLong COUNTER = new AtomicLong();

    /**
     * The number in {@code Task-N}, unsigned: an int keeps a task at 40 bytes instead of 48. The
     * rare task numbered beyond 2^32 keeps its full number in {@link Extras#bigId}.
     */
    private final int id;
    /** The name and the cancellation state, made on first use: most tasks never need them. */
    private Extras extras;
    /** Where the loop's registry of pending tasks keeps this one ({@link LiveTasks}), or -1. */
    int liveSlot = -1;

    Task(EventLoop loop, Coroutine<T> coroutine, String name) {
        super(loop);
        long number = COUNTER.incrementAndGet();
        this.id = (int) number;
        if (number > 0xFFFF_FFFFL) {
            extras().bigId = number;
        }
        coroutine.claim();
        value = coroutine; // the innermost frame, kept in the future's value while pending
        if (name != null) {
            extras().name = name;
        }
        loop.taskCreated(this);
        loop.schedule(this);
    }

    /** @return the task's name; {@code Task-N} unless set */
    public String getName() {
        Extras x = extras;
        if (x != null && x.name != null) {
            return x.name;
        }
        return "Task-" + creationNumber();
    }

    /** The task's number: tasks are numbered in creation order, from 1. */
    long creationNumber() {
        Extras x = extras;
        return x != null && x.bigId != 0 ? x.bigId : Integer.toUnsignedLong(id);
    }

    /** @param name the new name, for debugging and reprs */
    public void setName(String name) {
        if (name != null || extras != null) {
            extras().name = name;
        }
    }

    /** @return the number of pending cancellation requests (asyncio's {@code cancelling()}) */
    public int cancelling() {
        return extras == null ? 0 : extras.cancelRequests;
    }

    /**
     * Decrements the number of pending cancellation requests; reaching zero withdraws a
     * cancellation not yet delivered. Used by structured primitives ({@link TaskGroup},
     * {@link Timeout}) to tell their own cancellations from external ones.
     *
     * @return the remaining number of requests
     */
    public int uncancel() {
        Extras x = extras;
        if (x == null) {
            return 0;
        }
        if (x.cancelRequests > 0) {
            x.cancelRequests--;
            if (x.cancelRequests == 0) {
                x.mustCancel = false;
            }
        }
        return x.cancelRequests;
    }

    /**
     * Requests cancellation: the coroutine gets a {@link CancelledException} carrying
     * {@code message} at its suspended await.
     *
     * @param message why, or {@code null}
     * @return {@code false} if the task is already done
     */
    @Override
    public boolean cancel(String message) {
        if (isDone()) {
            return false;
        }
        Extras x = extras();
        x.cancelRequests++;
        Future<?> waitingOn = waitingOn();
        if (waitingOn != null && waitingOn.cancel(message)) {
            // The wake-up delivers the cancellation. The frame still awaits waitingOn: if it is a
            // task that swallows its cancellation, a later cancel() must reach it again.
            return true;
        }
        x.mustCancel = true;
        x.cancelMessage = message;
        return true;
    }

    /**
     * Not supported: a task's result comes from its coroutine.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void setResult(T result) {
        throw new UnsupportedOperationException("Task does not support setResult()");
    }

    /**
     * Not supported: a task's failure comes from its coroutine.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void setException(Throwable failure) {
        throw new UnsupportedOperationException("Task does not support setException()");
    }

    @Override
    public String toString() {
        String base = super.toString();
        return "Task[" + getName() + ", " + base.substring(base.indexOf('[') + 1);
    }

    // ------------------------------------------------------------------ driver

    /** Frame protocol: the task now waits for {@code f}, which its innermost frame awaits. */
    void waitOn(Future<?> f) {
        f.addEntry(this);
        Extras x = extras;
        if (x != null && x.mustCancel && f.cancel(x.cancelMessage)) {
            // Cancelled while running (by itself, or a TaskGroup re-arming): the
            // cancellation reaches this await at once instead of after the future completes.
            x.mustCancel = false;
        }
    }

    /**
     * The future the innermost frame awaits (asyncio's {@code _fut_waiter}), or null. Once that
     * future is done and until the frame reads it, cancelling it fails, as for no future at all.
     */
    private Future<?> waitingOn() {
        Coroutine<?> frame = current();
        return frame != null && frame.awaiting instanceof Future<?> f ? f : null;
    }

    /** Frame protocol: {@code child} becomes the innermost frame and runs next in this step. */
    void push(Coroutine<?> child) {
        value = child;
    }

    /** The innermost frame, the one that runs next; null once the task is done. */
    private Coroutine<?> current() {
        return isDone() ? null : (Coroutine<?>) value;
    }

    /** Frame protocol: run the next step on a later loop iteration (a bare yield). */
    void reschedule() {
        loop().schedule(this);
    }

    /** Frame protocol: the cancellation to raise at the innermost frame's await, once. */
    Throwable takeDeliveredThrow() {
        Extras x = extras;
        if (x == null) {
            return null;
        }
        Throwable t = x.delivered;
        x.delivered = null;
        return t;
    }

    /** Done callback of the future this task waits on. */
    void wakeup(Future<?> f) {
        step();
    }

    /** Runs the innermost frame until the task suspends or finishes. */
    void step() {
        if (isDone()) {
            return;
        }
        Extras x = extras;
        Throwable toThrow = null;
        if (x != null && x.mustCancel) {
            x.mustCancel = false;
            toThrow = new CancelledException(x.cancelMessage);
        }
        Coroutine<?> frame = (Coroutine<?>) value;
        if (frame.task == null) {
            if (toThrow != null) {
                loop().taskFinished(this);
                trySet(CANCELLED_STATUS, x.cancelMessage);
                return;
            }
            frame.enter(this, null);
        } else if (x != null) {
            x.delivered = toThrow;
        }
        EventLoop loop = loop();
        Task<?> previous = loop.enterTask(this);
        try {
            for (;;) {
                if (!frame.isFinished()) {
                    frame.resume();
                }
                if (frame.isFinished()) {
                    Coroutine<?> parent = frame.caller;
                    if (parent == null) {
                        finish(frame);
                        return;
                    }
                    frame.release();
                    value = parent;
                    frame = parent;
                } else if (value != frame) {
                    frame = (Coroutine<?>) value;
                } else {
                    return;
                }
            }
        } finally {
            if (extras != null) {
                extras.delivered = null;
            }
            loop.leaveTask(this, previous);
        }
    }

    private void finish(Coroutine<?> frame) {
        loop().taskFinished(this);
        Object outcome = frame.rawOutcome();
        boolean failed = frame.isFailed();
        frame.release();
        if (failed) {
            if (outcome instanceof CancelledException c) {
                trySet(CANCELLED_STATUS, c.getMessage());
            } else {
                trySet(FAILED_STATUS, outcome);
            }
        } else if (extras != null && extras.mustCancel) {
            extras.mustCancel = false;
            trySet(CANCELLED_STATUS, extras.cancelMessage);
        } else {
            trySet(SUCCEEDED_STATUS, outcome);
        }
    }

    private Extras extras() {
        Extras x = extras;
        if (x == null) {
            x = new Extras();
            extras = x;
        }
        return x;
    }

    /** The rarely used part of a task. */
    private static final class Extras {
        String name;
        /** The task's number when it does not fit in the unsigned int {@link #id}. */
        long bigId;
        int cancelRequests;
        boolean mustCancel;
        String cancelMessage;
        /** Thrown into the innermost frame at its await on the coming step. */
        Throwable delivered;
    }
}
