package io.jawait.sync;

import io.jawait.Asyncio;
import io.jawait.EventLoop;

/** Running a virtual-time loop in tests: no wall clock anywhere. */
final class Loops {
    private Loops() {
    }

    /**
     * Runs {@code loop} until everything ready (and every timer due before {@code seconds} of
     * virtual time from now) has run: virtual time only jumps when nothing else is ready.
     */
    static void runFor(EventLoop loop, double seconds) {
        loop.runUntilComplete(Asyncio.sleep(seconds));
    }

    /** Runs {@code loop} until nothing is ready any more, without advancing past pending timers. */
    static void settle(EventLoop loop) {
        runFor(loop, 1e-6);
    }
}
