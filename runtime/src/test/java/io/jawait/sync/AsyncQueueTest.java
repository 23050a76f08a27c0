package io.jawait.sync;

import static io.jawait.sync.Loops.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.testing.Script;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import io.jawait.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AsyncQueue, after CPython's test_queues (3.13, including shutdown). */
class AsyncQueueTest {
    private final EventLoop loop = EventLoop.createVirtual();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private Task<Object> getter(AsyncQueue<String> q, String name) {
        return Script.of().await(q::get, item -> log.add(name + " got " + item)).startOn(loop);
    }

    private Task<Object> putter(AsyncQueue<String> q, String item) {
        return Script.of().await(() -> q.put(item)).run(() -> log.add("put " + item)).startOn(loop);
    }

    private static <T> List<T> drain(AsyncQueue<T> q) {
        List<T> out = new ArrayList<>();
        while (!q.isEmpty()) {
            out.add(q.getNowait());
        }
        return out;
    }

    @Test
    void maxsizeBoundsTheQueue() {
        AsyncQueue<String> q = AsyncQueue.fifo(2);
        assertEquals(2, q.maxsize());
        q.putNowait("a");
        assertFalse(q.isFull());
        q.putNowait("b");
        assertTrue(q.isFull());
        assertEquals(2, q.size());
        assertThrows(QueueFullException.class, () -> q.putNowait("c"));
        for (int maxsize : new int[] {0, -1}) {
            AsyncQueue<String> unbounded = AsyncQueue.fifo(maxsize);
            for (int i = 0; i < 1000; i++) {
                unbounded.putNowait("x");
            }
            assertFalse(unbounded.isFull());
            assertEquals(maxsize, unbounded.maxsize());
        }
    }

    @Test
    void orderDependsOnTheKind() {
        AsyncQueue<Integer> fifo = AsyncQueue.fifo(0);
        AsyncQueue<Integer> lifo = AsyncQueue.lifo(0);
        AsyncQueue<Integer> priority = AsyncQueue.priority(Comparator.naturalOrder(), 0);
        AsyncQueue<Integer> reversed = AsyncQueue.priority(Comparator.reverseOrder(), 0);
        for (int i : new int[] {1, 3, 2}) {
            fifo.putNowait(i);
            lifo.putNowait(i);
            priority.putNowait(i);
            reversed.putNowait(i);
        }
        assertEquals(List.of(1, 3, 2), drain(fifo));
        assertEquals(List.of(2, 3, 1), drain(lifo));
        assertEquals(List.of(1, 2, 3), drain(priority));
        assertEquals(List.of(3, 2, 1), drain(reversed));
    }

    @Test
    void getNowaitOnAnEmptyQueueThrows() {
        AsyncQueue<String> q = AsyncQueue.fifo(0);
        assertTrue(q.isEmpty());
        assertThrows(QueueEmptyException.class, q::getNowait);
    }

    @Test
    void nullItemsAreRejected() {
        AsyncQueue<String> q = AsyncQueue.fifo(0);
        assertThrows(NullPointerException.class, () -> q.putNowait(null));
        assertThrows(NullPointerException.class, () -> q.put(null));
    }

    @Test
    void gettersWaitAndAreServedInFifoOrder() {
        AsyncQueue<String> q = AsyncQueue.fifo(0);
        getter(q, "g1");
        getter(q, "g2");
        settle(loop);
        assertEquals(2, q.getterCount());
        q.putNowait("a");
        q.putNowait("b");
        settle(loop);
        assertEquals(List.of("g1 got a", "g2 got b"), log);
        assertEquals(0, q.getterCount());
    }

    @Test
    void puttersWaitWhileFullAndAreServedInFifoOrder() {
        AsyncQueue<String> q = AsyncQueue.fifo(1);
        q.putNowait("first");
        putter(q, "p1");
        putter(q, "p2");
        settle(loop);
        assertEquals(2, q.putterCount());
        assertEquals("first", q.getNowait());
        settle(loop);
        assertEquals(List.of("put p1"), log);
        assertEquals("p1", q.getNowait());
        settle(loop);
        assertEquals("p2", q.getNowait());
        assertEquals(List.of("put p1", "put p2"), log);
    }

    @Test
    void puttersAllGetInAsSpaceFreesUp() {
        // CPython test_why_are_putters_waiting.
        AsyncQueue<String> q = AsyncQueue.fifo(2);
        for (String item : List.of("0", "1", "2", "3")) {
            putter(q, item);
        }
        settle(loop);
        assertEquals(List.of("put 0", "put 1"), log);
        drain(q);
        settle(loop);
        assertEquals(List.of("put 0", "put 1", "put 2", "put 3"), log);
    }

    @Test
    void cancelledGetterBeforeWakeLosesNothing() {
        // CPython test_get_cancelled_race.
        AsyncQueue<String> q = AsyncQueue.fifo(0);
        Task<Object> g1 = getter(q, "g1");
        getter(q, "g2");
        settle(loop);
        g1.cancel();
        settle(loop);
        assertTrue(g1.isCancelled());
        assertEquals(1, q.getterCount(), "the cancelled getter is not held in the getters");
        q.putNowait("a");
        settle(loop);
        assertEquals(List.of("g2 got a"), log);
    }

    @Test
    void getterCancelledAfterWakeDropsNoItem() {
        // CPython test_get_cancel_drop_one_pending_reader.
        AsyncQueue<String> q = AsyncQueue.fifo(0);
        Task<Object> reader = getter(q, "reader");
        settle(loop);
        q.putNowait("1");
        q.putNowait("2");
        reader.cancel();
        settle(loop);
        assertTrue(reader.isCancelled());
        assertEquals("1", q.getNowait(), "if we get 2, item 1 was dropped");
    }

    @Test
    void getterCancelledAfterWakePassesTheWakeOn() {
        // CPython test_get_cancel_drop_many_pending_readers.
        AsyncQueue<String> q = AsyncQueue.fifo(0);
        Task<Object> r1 = getter(q, "r1");
        getter(q, "r2");
        getter(q, "r3");
        settle(loop);
        q.putNowait("1");
        q.putNowait("2");
        r1.cancel();
        settle(loop);
        assertTrue(r1.isCancelled());
        assertEquals(Set.of("r2 got 1", "r3 got 2"), Set.copyOf(log));
        assertTrue(q.isEmpty());
    }

    @Test
    void putterCancelledAfterWakeDoesNotPut() {
        // CPython test_put_cancel_drop.
        AsyncQueue<String> q = AsyncQueue.fifo(1);
        q.putNowait("1");
        Task<Object> writer = putter(q, "2");
        settle(loop);
        assertEquals("1", q.getNowait());
        writer.cancel();
        settle(loop);
        assertTrue(writer.isCancelled());
        assertEquals(0, q.size());
        assertThrows(QueueEmptyException.class, q::getNowait, "the cancelled writer must not put");
    }

    @Test
    void putterCancelledAfterWakePassesTheWakeOn() {
        AsyncQueue<String> q = AsyncQueue.fifo(1);
        q.putNowait("0");
        Task<Object> p1 = putter(q, "1");
        putter(q, "2");
        settle(loop);
        loop.callSoon(() -> {
            q.getNowait(); // wakes p1
            p1.cancel();   // before p1 resumes
        });
        settle(loop);
        assertTrue(p1.isCancelled());
        assertEquals(List.of("put 2"), log);
        assertEquals("2", q.getNowait());
        assertEquals(0, q.putterCount());
    }

    @Test
    void taskDoneAndJoin() {
        // CPython test_task_done: two workers; join() returns once every item is done.
        AsyncQueue<Integer> q = AsyncQueue.fifo(0);
        for (int i = 0; i < 100; i++) {
            q.putNowait(i);
        }
        int[] sum = {0};
        List<Task<Void>> workers = List.of(loop.createTask(new Worker(q, sum)), loop.createTask(new Worker(q, sum)));
        loop.runUntilComplete(q.join());
        assertEquals(4950, sum[0]);
        workers.forEach(Task::cancel);
        settle(loop);
        assertTrue(workers.stream().allMatch(Task::isCancelled));
    }

    @Test
    void joinWaitsForTheLastTaskDone() {
        AsyncQueue<String> q = AsyncQueue.fifo(0);
        q.putNowait("a");
        Task<Object> joiner = Script.of().await(q::join).run(() -> log.add("joined")).startOn(loop);
        q.getNowait();
        settle(loop);
        assertFalse(joiner.isDone(), "taken but not done");
        q.taskDone();
        settle(loop);
        assertEquals(List.of("joined"), log);
    }

    @Test
    void joinOnAQueueWithNothingUnfinishedDoesNotWait() {
        loop.runUntilComplete(AsyncQueue.fifo(0).join());
    }

    @Test
    void taskDoneTooManyTimesThrows() {
        AsyncQueue<String> q = AsyncQueue.fifo(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, q::taskDone);
        assertEquals("task_done() called too many times", e.getMessage());
    }

    @Test
    void shutdownEmptyQueueFailsPutsAndGets() {
        AsyncQueue<String> q = AsyncQueue.fifo(0);
        q.shutdown(false);
        assertTrue(q.isShutDown());
        assertThrows(QueueShutDownException.class, () -> q.putNowait("x"));
        assertThrows(QueueShutDownException.class, q::getNowait);
        assertThrows(QueueShutDownException.class, () -> loop.runUntilComplete(q.put("x")));
        assertThrows(QueueShutDownException.class, () -> loop.runUntilComplete(q.get()));
    }

    @Test
    void shutdownLetsRemainingItemsBeTaken() {
        AsyncQueue<String> q = AsyncQueue.fifo(0);
        q.putNowait("data");
        q.shutdown(false);
        assertEquals("data", loop.runUntilComplete(q.get()));
        assertThrows(QueueShutDownException.class, () -> loop.runUntilComplete(q.get()));
    }

    @Test
    void shutdownWakesWaitingGettersAndPutters() {
        AsyncQueue<String> empty = AsyncQueue.fifo(0);
        AsyncQueue<String> full = AsyncQueue.fifo(1);
        full.putNowait("x");
        Task<Object> g = getter(empty, "g");
        Task<Object> p = putter(full, "p");
        settle(loop);
        empty.shutdown(false);
        full.shutdown(false);
        settle(loop);
        assertTrue(g.exception() instanceof QueueShutDownException);
        assertTrue(p.exception() instanceof QueueShutDownException);
        assertEquals(0, empty.getterCount());
        assertEquals(0, full.putterCount());
        assertEquals("x", full.getNowait(), "a non-immediate shutdown keeps the items");
    }

    @Test
    void immediateShutdownDiscardsItemsAndReleasesJoin() {
        AsyncQueue<String> q = AsyncQueue.fifo(0);
        q.putNowait("a");
        q.putNowait("b");
        q.putNowait("c");
        q.getNowait(); // taken, not done
        Task<Object> joiner = Script.of().await(q::join).run(() -> log.add("joined")).startOn(loop);
        settle(loop);
        q.shutdown(true);
        assertTrue(q.isEmpty());
        assertThrows(QueueShutDownException.class, q::getNowait);
        settle(loop);
        assertFalse(joiner.isDone(), "the item taken is still unfinished");
        q.taskDone();
        settle(loop);
        assertEquals(List.of("joined"), log);
        assertThrows(IllegalStateException.class, q::taskDone);
    }

    @Test
    void toStringShowsTheState() {
        AsyncQueue<String> q = AsyncQueue.fifo(3);
        getter(q, "g");
        settle(loop);
        assertEquals("AsyncQueue[maxsize=3, size=0, getters:1]", q.toString());
    }

    /** {@code while (true) { sum += await(q.get()); q.taskDone(); }} */
    private static final class Worker extends Coroutine<Void> {
        private final AsyncQueue<Integer> q;
        private final int[] sum;

        Worker(AsyncQueue<Integer> q, int[] sum) {
            this.q = q;
            this.sum = sum;
        }

        @Override
        protected void step() throws Throwable {
            for (;;) {
                switch (state) {
                    case 0:
                        state = 1;
                        if (awaits(q.get())) {
                            return;
                        }
                        // fall through
                    case 1:
                        int item = awaited();
                        sum[0] += item;
                        q.taskDone();
                        state = 0;
                        continue;
                    default:
                        throw new IllegalStateException("bad state " + state);
                }
            }
        }
    }
}
