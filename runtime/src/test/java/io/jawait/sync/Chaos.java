package io.jawait.sync;

import io.jawait.EventLoop;
import io.jawait.Task;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Seeded random cancellations for the stress tests: some at random virtual times (while tasks
 * wait or hold), and some right after a release or wake-up, the window between a grant and the
 * resumption of the granted task that no timer can hit.
 */
final class Chaos {
    private final EventLoop loop;
    private final Random random;

    Chaos(EventLoop loop, long seed) {
        this.loop = loop;
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** Cancels about a fifth of {@code victims} at random times within {@code horizon} seconds. */
    void cancelSomeWithin(List<? extends Task<?>> victims, double horizon) {
        for (Task<?> t : victims) {
            if (random.nextInt(5) == 0) {
                loop.callLater(random.nextDouble() * horizon, () -> t.cancel());
            }
        }
    }

    /** Sometimes cancels one of the few tasks after {@code id}: in FIFO order, the next granted. */
    void cancelANeighbour(List<? extends Task<?>> group, int id) {
        if (random.nextInt(4) == 0) {
            int victim = id + 1 + random.nextInt(4);
            if (victim < group.size()) {
                group.get(victim).cancel();
            }
        }
    }

    /** A canceller that sometimes cancels one of the oldest tasks of {@code group} not done yet. */
    Runnable oldestCanceller(List<? extends Task<?>> group) {
        int[] cursor = {0};
        return () -> {
            while (cursor[0] < group.size() && group.get(cursor[0]).isDone()) {
                cursor[0]++;
            }
            if (random.nextInt(4) == 0) {
                int victim = cursor[0] + random.nextInt(3);
                if (victim < group.size()) {
                    group.get(victim).cancel();
                }
            }
        };
    }

    static long count(List<? extends Task<?>> tasks, Predicate<Task<?>> p) {
        return tasks.stream().filter(p).count();
    }

    static boolean succeeded(Task<?> t) {
        return t.isDone() && !t.isCancelled() && t.exception() == null;
    }
}
