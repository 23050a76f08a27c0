package io.jawait.sync;

import static io.jawait.sync.Chaos.count;
import static io.jawait.sync.Chaos.succeeded;
import static io.jawait.sync.Loops.runFor;
import static io.jawait.sync.Loops.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.testing.Script;
import io.jawait.EventLoop;
import io.jawait.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 5,000 producers and 5,000 consumers on a bounded {@link AsyncQueue}, many cancelled while
 * waiting or right after being woken: no item is lost or delivered twice, no cancelled put lands,
 * and nobody waits while it could proceed.
 */
class QueueStressTest {
    private static final int TASKS = 10_000;

    private final EventLoop loop = EventLoop.createVirtual();
    private final Chaos chaos = new Chaos(loop, 20261122);

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void producersAndConsumersLoseAndDuplicateNothing() {
        AsyncQueue<Integer> q = AsyncQueue.fifo(16);
        List<Task<Object>> producers = new ArrayList<>();
        List<Task<Object>> consumers = new ArrayList<>();
        List<Integer> got = new ArrayList<>();
        Runnable cancelAProducer = chaos.oldestCanceller(producers);
        Runnable cancelAConsumer = chaos.oldestCanceller(consumers);
        // All consumers wait first, in order; then the producers come, sixteen fit and the rest
        // wait in order. So the oldest unfinished tasks are the ones just woken, and the
        // cancellers hit the window between a wake-up and the resumption.
        for (int i = 0; i < TASKS / 2; i++) {
            consumers.add(Script.of()
                    .await(q::get, value -> {
                        got.add(value);
                        q.taskDone();
                        cancelAProducer.run(); // perhaps the putter our get just woke
                    })
                    .startOn(loop));
        }
        for (int i = 0; i < TASKS / 2; i++) {
            int item = i;
            producers.add(Script.of()
                    .await(() -> q.put(item))
                    .run(cancelAConsumer::run) // perhaps the getter our put just woke
                    .startOn(loop));
        }
        chaos.cancelSomeWithin(producers, 0.001);
        chaos.cancelSomeWithin(consumers, 0.001);
        runFor(loop, 2);
        assertTrue(q.isEmpty() || q.getterCount() == 0, "no getter waits while items are queued");
        assertTrue(q.isFull() || q.putterCount() == 0, "no putter waits while there is room");
        q.shutdown(false); // wakes whoever still waits; remaining items stay gettable
        settle(loop);

        List<Integer> remaining = new ArrayList<>();
        while (!q.isEmpty()) {
            remaining.add(q.getNowait());
            q.taskDone();
        }
        Set<Integer> put = new HashSet<>();
        for (int i = 0; i < producers.size(); i++) {
            if (succeeded(producers.get(i))) {
                put.add(i);
            }
        }
        Set<Integer> out = new HashSet<>(got);
        out.addAll(remaining);
        assertEquals(got.size() + remaining.size(), out.size(), "no item delivered twice");
        assertEquals(put, out, "every item put is got or still queued; no cancelled put lands");
        assertTrue(producers.stream().allMatch(Task::isDone));
        assertTrue(consumers.stream().allMatch(Task::isDone));
        assertEquals(got.size(), count(consumers, Chaos::succeeded));
        assertEquals(0, q.getterCount());
        assertEquals(0, q.putterCount());
        Task<Object> join = Script.of().await(q::join).startOn(loop);
        settle(loop);
        assertTrue(join.isDone(), "every item was marked done");
    }
}
