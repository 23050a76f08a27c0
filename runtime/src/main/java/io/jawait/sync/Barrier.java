package io.jawait.sync;

import io.jawait.Coroutine;
import io.jawait.Future;

/**
 * Makes a fixed number of tasks wait for each other (asyncio's {@code Barrier}, Python 3.11):
 * each task calls {@link #arriveAndWait()}; once {@code parties} tasks have arrived they are all
 * released together, and the barrier is reused for the next round.
 *
 * <p>Usage in an {@code @Async} method:
 * <pre>{@code
 * int index = await(barrier.arriveAndWait());   // 0 .. parties-1, in arrival order
 * if (index == 0) {
 *     ... // exactly one task per round does this
 * }
 * }</pre>
 *
 * <p>States, as in asyncio: <em>filling</em> (tasks arrive and wait), <em>draining</em> (the
 * round is complete and its tasks are leaving; newcomers wait for the next round),
 * <em>resetting</em> ({@link #reset()} with tasks still inside: they leave with
 * {@link BrokenBarrierException}) and <em>broken</em> ({@link #abort()}: every waiting and future
 * arrival fails with {@link BrokenBarrierException} until {@link #reset()}). A task cancelled
 * while waiting leaves the round, which then needs one more arrival. Unlike asyncio, whose
 * {@code reset()} and {@code abort()} must acquire an internal lock, both are plain methods here:
 * nothing else holds the barrier, so they never wait. Use a barrier only from its loop's thread.
 */
public final class Barrier {
    private enum Phase { FILLING, DRAINING, RESETTING, BROKEN }

    private final int parties;
    /** Every task waiting for a phase change; all are woken at each change and re-check. */
    private final Waiters waiters = new Waiters(this);
    private Phase phase = Phase.FILLING;
    /** Tasks inside the current round: arrived and not yet left. */
    private int count;

    /**
     * Creates a barrier for {@code parties} tasks.
     *
     * @param parties how many tasks each round needs, {@code >= 1}
     * @throws IllegalArgumentException if {@code parties < 1}
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0, got " + parties);
        }
        this.parties = parties;
    }

    /**
     * Arrives at the barrier and waits until {@code parties} tasks have arrived (asyncio's
     * {@code Barrier.wait()}). The last arrival of a round does not suspend.
     *
     * @return a coroutine producing this task's arrival index in its round, from {@code 0} to
     *     {@code parties - 1}; it fails with {@link BrokenBarrierException} if the barrier is
     *     broken, or is reset or aborted while the task waits
     */
    public Coroutine<Integer> arriveAndWait() {
        return new Arrival();
    }

    /**
     * Returns the barrier to its initial, filling state. Tasks waiting in the current round fail
     * with {@link BrokenBarrierException}; a broken barrier becomes usable again once they left.
     */
    public void reset() {
        if (count > 0) {
            phase = Phase.RESETTING;
        } else {
            phase = Phase.FILLING;
        }
        wakeAll();
    }

    /**
     * Breaks the barrier: waiting tasks and every later arrival fail with
     * {@link BrokenBarrierException}, until {@link #reset()}. Useful when a party cannot arrive.
     */
    public void abort() {
        phase = Phase.BROKEN;
        wakeAll();
    }

    /** @return how many tasks each round needs */
    public int parties() {
        return parties;
    }

    /** @return how many tasks wait in the round being filled (0 while draining or resetting) */
    public int waiting() {
        return phase == Phase.FILLING ? count : 0;
    }

    /** @return whether the barrier is broken ({@link #abort()} without a later reset) */
    public boolean isBroken() {
        return phase == Phase.BROKEN;
    }

    private void wakeAll() {
        waiters.wakePending(Integer.MAX_VALUE);
    }

    /** A task leaves the round; the last one out ends draining or resetting. */
    private void leave() {
        count--;
        if (count == 0) {
            if (phase == Phase.RESETTING || phase == Phase.DRAINING) {
                phase = Phase.FILLING;
            }
            wakeAll();
        }
    }

    @Override
    public String toString() {
        String s = phase.name().toLowerCase(java.util.Locale.ROOT);
        return "Barrier[" + s + (phase == Phase.BROKEN ? "" : ", waiters:" + waiting() + "/" + parties) + "]";
    }

    /** The coroutine behind {@link #arriveAndWait()}. */
    private final class Arrival extends Coroutine<Integer> {
        private Future<Void> waiter;
        private int index;

        @Override
        protected void step() throws Throwable {
            for (;;) {
                switch (state) {
                    case 0:
                        // Block while the previous round drains or resets; nothing counted yet.
                        if (phase != Phase.DRAINING && phase != Phase.RESETTING) {
                            state = 2;
                            continue;
                        }
                        waiter = waiters.enqueue();
                        state = 1;
                        if (awaits(waiter)) {
                            return;
                        }
                        // fall through
                    case 1:
                        try {
                            awaited();
                        } finally {
                            waiters.remove(waiter);
                        }
                        state = 0;
                        continue;
                    case 2:
                        if (phase == Phase.BROKEN) {
                            throw new BrokenBarrierException("Barrier aborted");
                        }
                        index = count++;
                        if (index + 1 == parties) {
                            phase = Phase.DRAINING;
                            wakeAll();
                            leave();
                            complete(index);
                            return;
                        }
                        state = 3;
                        // fall through
                    case 3:
                        if (phase != Phase.FILLING) {
                            boolean broken = phase == Phase.BROKEN || phase == Phase.RESETTING;
                            leave();
                            if (broken) {
                                throw new BrokenBarrierException("Abort or reset of barrier");
                            }
                            complete(index);
                            return;
                        }
                        waiter = waiters.enqueue();
                        state = 4;
                        if (awaits(waiter)) {
                            return;
                        }
                        // fall through
                    case 4:
                        try {
                            try {
                                awaited();
                            } finally {
                                waiters.remove(waiter);
                            }
                        } catch (Throwable e) {
                            leave();
                            throw e;
                        }
                        state = 3;
                        continue;
                    default:
                        throw new IllegalStateException("bad state " + state);
                }
            }
        }

        @Override
        public String toString() {
            return "Barrier.arriveAndWait()";
        }
    }
}
