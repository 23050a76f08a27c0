package io.jawait.sync;

import static io.jawait.sync.Loops.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.EventLoop;
import io.jawait.Task;
import io.jawait.testing.Script;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A put or get whose first step runs inside the await: the ready ones finish there, the blocked
 * ones wait in line exactly as before (woken once, re-checking the queue, leaving the line when
 * cancelled).
 */
class AsyncQueueInPlaceTest {
    private final EventLoop loop = EventLoop.createVirtual();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void readyPutsAndGetsFinishWithoutLettingAnythingElseRun() {
        AsyncQueue<String> q = AsyncQueue.fifo(1);
        Task<Object> t = Script.of()
                .await(() -> q.put("a"))
                .await(q::get, v -> log.add("got " + v))
                .await(() -> q.put("b"))
                .await(q::get, v -> log.add("got " + v))
                .startOn(loop);
        loop.callSoon(() -> log.add("other"));
        loop.runUntilComplete(t);
        assertEquals(List.of("got a", "got b", "other"), log);
        assertTrue(q.isEmpty());
    }

    @Test
    void aGetBlockedInItsFirstStepLeavesTheLineWhenCancelled() {
        AsyncQueue<String> q = AsyncQueue.fifo(1);
        Task<Object> getter = Script.of().await(q::get, v -> log.add("got " + v)).startOn(loop);
        settle(loop);
        assertEquals(1, q.getterCount());
        getter.cancel();
        settle(loop);
        assertTrue(getter.isCancelled());
        assertEquals(0, q.getterCount());
        q.putNowait("x");
        settle(loop);
        assertEquals(1, q.size(), "nobody took the item");
        assertEquals(List.of(), log);
    }

    @Test
    void aPutBlockedInItsFirstStepPutsOnceWoken() {
        AsyncQueue<String> q = AsyncQueue.fifo(1);
        q.putNowait("a");
        Task<Object> putter = Script.of().await(() -> q.put("b")).run(() -> log.add("put b")).startOn(loop);
        settle(loop);
        assertEquals(1, q.putterCount());
        assertEquals(List.of(), log);
        assertEquals("a", q.getNowait());
        assertEquals(0, q.size(), "the woken putter puts only when it runs");
        settle(loop);
        assertTrue(putter.isDone());
        assertEquals(List.of("put b"), log);
        assertEquals(0, q.putterCount());
        assertEquals("b", q.getNowait());
    }

    @Test
    void pingPongThroughQueuesOfOneDeliversEveryMessageInOrder() {
        AsyncQueue<Integer> ping = AsyncQueue.fifo(1);
        AsyncQueue<Integer> pong = AsyncQueue.fifo(1);
        List<Integer> echoed = new ArrayList<>();
        Script echo = Script.of();
        Script main = Script.of();
        for (int i = 0; i < 100; i++) {
            int n = i;
            echo.await(ping::get, v -> log.add("echo " + v)).await(() -> pong.put(n * 10));
            main.await(() -> ping.put(n)).await(pong::get, echoed::add);
        }
        Task<Object> e = echo.startOn(loop);
        loop.runUntilComplete(main.startOn(loop));
        loop.runUntilComplete(e);
        for (int i = 0; i < 100; i++) {
            assertEquals(i * 10, echoed.get(i));
            assertEquals("echo " + i, log.get(i));
        }
        assertEquals(0, ping.getterCount() + pong.getterCount() + ping.putterCount() + pong.putterCount());
    }
}
