package io.jawait.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.testing.Script;
import io.jawait.Asyncio;
import io.jawait.EventLoop;
import io.jawait.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code runCoroutineThreadsafe} from many threads at once into one running loop: every
 * {@code CompletableFuture} completes with its own coroutine's value, cancelling from the calling
 * thread cancels the task on the loop (its {@code finally} runs), and nothing is left behind. The
 * loop runs in debug mode, so a loop-only call made from a caller thread would throw.
 * The get() bounds only keep a broken build from hanging; nothing is asserted about time.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreadsafeLoadTest {
    static final int THREADS = 16;
    static final int PER_THREAD = 200;

    private EventLoop loop;
    private Thread loopThread;
    private final List<Map<String, Object>> reports = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startLoop() throws InterruptedException {
        loop = EventLoop.create();
        // Debug mode: any loop-only call the bridge made from a caller thread would throw.
        loop.setDebug(true);
        loop.setExceptionHandler((l, context) -> {
            if (!String.valueOf(context.get("message")).startsWith("Executing ")) { // slow: timing only
                reports.add(context);
            }
        });
        CountDownLatch running = new CountDownLatch(1);
        loop.callSoon(running::countDown);
        loopThread = new Thread(loop::runForever, "loop-thread");
        loopThread.start();
        running.await();
    }

    @AfterEach
    void stopLoop() throws InterruptedException {
        loop.callSoonThreadsafe(loop::stop);
        loopThread.join();
        loop.close();
        assertEquals(List.of(), reports, "nothing reported to the exception handler");
    }

    /** Runs {@code body(thread index)} on {@link #THREADS} threads released together. */
    private static void onManyThreads(ThreadBody body) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int index = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    body.run(index);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "caller-" + t);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(failures.size() + " caller threads failed");
            failures.forEach(error::addSuppressed);
            throw error;
        }
    }

    @FunctionalInterface
    private interface ThreadBody {
        void run(int thread) throws Exception;
    }

    /** Asks the loop, from the test thread, which tasks are still live. */
    private Set<Task<?>> liveTasks() throws Exception {
        CompletableFuture<Set<Task<?>>> live = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> live.complete(Asyncio.allTasks()));
        return live.get(30, TimeUnit.SECONDS);
    }

    @Test
    void everyCallerGetsItsOwnValueBack() throws Exception {
        AtomicInteger finallies = new AtomicInteger();
        int[] onLoop = {0}; // touched only on the loop thread: no lost updates if the loop is single-threaded
        onManyThreads(t -> {
            List<CompletableFuture<Object>> mine = new ArrayList<>();
            for (int i = 0; i < PER_THREAD; i++) {
                String value = t + ":" + i;
                mine.add(Asyncio.runCoroutineThreadsafe(Script.of()
                        .always(finallies::incrementAndGet)
                        .run(() -> onLoop[0]++)
                        .await(() -> Asyncio.sleep(0))
                        .await(() -> Asyncio.sleep(0, value)), loop));
            }
            for (int i = 0; i < PER_THREAD; i++) {
                assertEquals(t + ":" + i, mine.get(i).get(30, TimeUnit.SECONDS));
            }
        });
        assertEquals(THREADS * PER_THREAD, finallies.get());
        CompletableFuture<Integer> count = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> count.complete(onLoop[0]));
        assertEquals(THREADS * PER_THREAD, count.get(30, TimeUnit.SECONDS));
        assertTrue(liveTasks().isEmpty(), "no task left");
    }

    @Test
    void cancellingFromTheCallingThreadCancelsTheTask() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finallies = new AtomicInteger();
        AtomicInteger completedNormally = new AtomicInteger();
        onManyThreads(t -> {
            List<CompletableFuture<Object>> mine = new ArrayList<>();
            for (int i = 0; i < PER_THREAD; i++) {
                boolean cancelled = i % 2 == 0;
                // The ones to cancel wait on a sleep far in the future; the others finish.
                double delay = cancelled ? 3600 : 0;
                mine.add(Asyncio.runCoroutineThreadsafe(Script.of()
                        .always(finallies::incrementAndGet)
                        .run(started::incrementAndGet)
                        .await(() -> Asyncio.sleep(delay, "done"))
                        .run(completedNormally::incrementAndGet), loop));
            }
            for (int i = 0; i < PER_THREAD; i += 2) {
                // Some are cancelled before their task even started: then their body never runs.
                assertTrue(mine.get(i).cancel(false));
            }
            for (int i = 0; i < PER_THREAD; i++) {
                CompletableFuture<Object> cf = mine.get(i);
                if (i % 2 == 0) {
                    assertThrows(CancellationException.class, () -> cf.get(30, TimeUnit.SECONDS));
                } else {
                    assertEquals("done", cf.get(30, TimeUnit.SECONDS));
                }
            }
        });
        int half = THREADS * PER_THREAD / 2;
        assertEquals(half, completedNormally.get());
        // Cancellations reach the loop through its inbox; wait until no task is live any more.
        for (int i = 0; i < 1000 && !liveTasks().isEmpty(); i++) {
            CompletableFuture<Void> turn = new CompletableFuture<>();
            loop.callSoonThreadsafe(() -> turn.complete(null));
            turn.get(30, TimeUnit.SECONDS);
        }
        assertTrue(liveTasks().isEmpty(), "every cancelled task finished");
        assertEquals(started.get(), finallies.get(), "each started body ran its finally exactly once");
        assertTrue(started.get() >= half, "the non-cancelled half all started");
    }
}
