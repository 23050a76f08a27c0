package io.jawait.sync;

import static io.jawait.sync.Chaos.count;
import static io.jawait.sync.Loops.runFor;
import static io.jawait.sync.Loops.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.testing.Script;
import io.jawait.Asyncio;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import io.jawait.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 10,000 tasks contending on each primitive, many of them cancelled ({@link Chaos}: while
 * waiting, right after a grant, or while holding), then the invariants: mutual exclusion, FIFO
 * grants, no lost or duplicated permit or signal, and nothing left waiting. The queue has its own
 * {@link QueueStressTest}.
 */
class StressTest {
    private static final int TASKS = 10_000;

    private final EventLoop loop = EventLoop.createVirtual();
    private final Chaos chaos = new Chaos(loop, 20261122);
    private final Random random = chaos.random();
    private final List<Task<Object>> tasks = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** A random short hold time: zero (a bare yield) or up to 10 ms of virtual time. */
    private double holdTime() {
        return random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.01;
    }

    /** Counts tasks inside a critical section and the largest number seen at once. */
    private static final class Occupancy {
        int inside;
        int max;
        final List<Integer> entries = new ArrayList<>();

        void enter(int id) {
            inside++;
            max = Math.max(max, inside);
            entries.add(id);
        }

        void leave() {
            inside--;
        }
    }

    @Test
    void lock() {
        Lock lock = new Lock();
        Occupancy o = new Occupancy();
        for (int i = 0; i < TASKS; i++) {
            int id = i;
            double hold = holdTime();
            tasks.add(Script.of()
                    .await(lock::acquire)
                    .always(() -> chaos.cancelANeighbour(tasks, id))
                    .always(lock::release)
                    .run(() -> o.enter(id))
                    .always(o::leave)
                    .sleep(hold)
                    .startOn(loop));
        }
        chaos.cancelSomeWithin(tasks, TASKS * 0.005);
        runFor(loop, TASKS);

        assertEquals(1, o.max, "mutual exclusion");
        assertEquals(0, o.inside);
        assertTrue(tasks.stream().allMatch(Task::isDone), "nobody left waiting");
        assertEquals(TASKS, count(tasks, Chaos::succeeded) + count(tasks, Task::isCancelled));
        assertStrictlyIncreasing(o.entries, "FIFO grants");
        assertFalse(lock.locked());
        assertEquals(0, lock.waiterCount());
    }

    @Test
    void boundedSemaphore() {
        int permits = 7;
        BoundedSemaphore sem = new BoundedSemaphore(permits);
        Occupancy o = new Occupancy();
        for (int i = 0; i < TASKS; i++) {
            int id = i;
            double hold = holdTime();
            tasks.add(Script.of()
                    .await(sem::acquire)
                    .always(() -> chaos.cancelANeighbour(tasks, id))
                    .always(sem::release)
                    .run(() -> o.enter(id))
                    .always(o::leave)
                    .sleep(hold)
                    .startOn(loop));
        }
        chaos.cancelSomeWithin(tasks, TASKS * 0.005 / permits);
        runFor(loop, TASKS);

        assertEquals(permits, o.max, "never more holders than permits");
        assertTrue(tasks.stream().allMatch(Task::isDone));
        assertEquals(TASKS, count(tasks, Chaos::succeeded) + count(tasks, Task::isCancelled));
        assertStrictlyIncreasing(o.entries, "strict FIFO grants");
        assertEquals(permits, sem.value(), "no permit lost or duplicated");
        assertEquals(0, sem.waiterCount());
    }

    @Test
    void event() {
        Event event = new Event();
        int[] woken = {0};
        for (int i = 0; i < TASKS; i++) {
            int id = i;
            tasks.add(Script.of().await(event::waitSet).run(() -> {
                woken[0]++;
                chaos.cancelANeighbour(tasks, id); // woken by set(), not resumed yet
            }).startOn(loop));
        }
        chaos.cancelSomeWithin(tasks, 2);
        loop.callLater(1, event::set);
        runFor(loop, 3);

        assertTrue(tasks.stream().allMatch(Task::isDone));
        assertEquals(woken[0], count(tasks, Chaos::succeeded));
        assertEquals(TASKS, woken[0] + count(tasks, Task::isCancelled));
        assertTrue(woken[0] > TASKS / 2);
        assertEquals(0, event.waiterCount());
    }

    @Test
    void condition() {
        // Consumers wait for an item; a producer makes half as many items as there are
        // consumers and signals one waiter per item, now and then cancelling one of the oldest
        // waiters right after the signal. A lost signal leaves an item with consumers waiting.
        Condition cond = new Condition();
        int[] available = {0};
        int[] consumed = {0};
        Occupancy o = new Occupancy();
        for (int i = 0; i < TASKS; i++) {
            int id = i;
            tasks.add(Script.of()
                    .await(cond::acquire)
                    .always(cond::release)
                    .await(() -> cond.waitFor(() -> available[0] > 0))
                    .run(() -> {
                        o.enter(id);
                        available[0]--;
                        consumed[0]++;
                    })
                    .always(o::leave)
                    .sleep(0)
                    .startOn(loop));
        }
        Task<Void> producer = loop.createTask(new Producer(cond, available, TASKS / 2, chaos.oldestCanceller(tasks)));
        chaos.cancelSomeWithin(tasks, TASKS * 0.0005);
        runFor(loop, TASKS);

        assertTrue(producer.isDone());
        assertEquals(0, available[0], "every item was consumed: no signal was lost");
        assertEquals(TASKS / 2, consumed[0]);
        assertEquals(1, o.max, "the lock is held by one consumer at a time");
        assertEquals(consumed[0], count(tasks, Chaos::succeeded));
        long waiting = count(tasks, t -> !t.isDone());
        assertEquals(waiting, cond.waiterCount());
        tasks.forEach(Task::cancel);
        settle(loop);
        assertTrue(tasks.stream().allMatch(Task::isDone));
        assertFalse(cond.locked(), "cancelled waiters re-acquired and released the lock");
        assertEquals(0, cond.waiterCount());
    }

    @Test
    void barrierRoundsWithoutCancellation() {
        int parties = 10;
        Barrier barrier = new Barrier(parties);
        int[] indexCounts = new int[parties];
        for (int i = 0; i < TASKS; i++) {
            double delay = random.nextDouble();
            tasks.add(Script.of()
                    .sleep(delay)
                    .await(barrier::arriveAndWait, index -> indexCounts[index]++)
                    .startOn(loop));
        }
        runFor(loop, 2);

        assertTrue(tasks.stream().allMatch(Chaos::succeeded));
        for (int count : indexCounts) {
            assertEquals(TASKS / parties, count, "each round hands out every index once");
        }
        assertEquals("Barrier[filling, waiters:0/10]", barrier.toString());
    }

    @Test
    void barrierWithCancellationAndAbort() {
        // Tasks arrive in id order, so a round is a run of consecutive ids: the releaser can
        // cancel a party it just released, before that party resumes.
        int parties = 10;
        Barrier barrier = new Barrier(parties);
        int[] releases = {0};
        for (int i = 0; i < TASKS; i++) {
            int id = i;
            tasks.add(Script.of()
                    .sleep(id * 1e-4)
                    .await(barrier::arriveAndWait, index -> {
                        if (index == parties - 1) {
                            releases[0]++;
                            if (random.nextInt(2) == 0) {
                                tasks.get(id - 1 - random.nextInt(index)).cancel();
                            }
                        }
                    })
                    .startOn(loop));
        }
        chaos.cancelSomeWithin(tasks, TASKS * 1e-4);
        runFor(loop, 2);
        int stuck = barrier.waiting();
        assertTrue(stuck < parties, "only an incomplete last round may wait");
        assertEquals(count(tasks, t -> !t.isDone()), stuck, "every unfinished task waits in the filling round");
        barrier.abort();
        settle(loop);

        assertTrue(tasks.stream().allMatch(Task::isDone), "abort releases every waiter");
        long ok = count(tasks, Chaos::succeeded);
        long broken = count(tasks, t -> !t.isCancelled() && t.exception() instanceof BrokenBarrierException);
        assertEquals(stuck, broken);
        assertEquals(TASKS, ok + broken + count(tasks, Task::isCancelled));
        assertTrue(ok <= (long) releases[0] * parties, "no round releases more than its parties");
        assertTrue(ok > (long) (releases[0] - 1) * parties / 2);
    }

    private static void assertStrictlyIncreasing(List<Integer> ids, String what) {
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1) < ids.get(i), what + ": " + ids.get(i - 1) + " before " + ids.get(i));
        }
    }

    /** {@code for (i < n) { async with cond: available++; cond.signal(); afterSignal(); await sleep(0); }} */
    private static final class Producer extends Coroutine<Void> {
        private final Condition cond;
        private final int[] available;
        private final int n;
        private final Runnable afterSignal;
        private int produced;

        Producer(Condition cond, int[] available, int n, Runnable afterSignal) {
            this.cond = cond;
            this.available = available;
            this.n = n;
            this.afterSignal = afterSignal;
        }

        @Override
        protected void step() throws Throwable {
            for (;;) {
                switch (state) {
                    case 0:
                        if (produced == n) {
                            complete(null);
                            return;
                        }
                        state = 1;
                        if (awaits(cond.acquire())) {
                            return;
                        }
                        // fall through
                    case 1:
                        awaited();
                        try {
                            available[0]++;
                            produced++;
                            cond.signal();
                            afterSignal.run();
                        } finally {
                            cond.release();
                        }
                        state = 2;
                        if (awaits(Asyncio.sleep(0))) {
                            return;
                        }
                        // fall through
                    case 2:
                        awaited();
                        state = 0;
                        continue;
                    default:
                        throw new IllegalStateException("bad state " + state);
                }
            }
        }
    }
}
