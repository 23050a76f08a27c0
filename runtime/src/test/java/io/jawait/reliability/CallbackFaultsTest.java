package io.jawait.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.testing.Script;
import io.jawait.Asyncio;
import io.jawait.EventLoop;
import io.jawait.Future;
import io.jawait.Task;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exceptions thrown by callbacks ({@code callSoon}, timers, done callbacks, I/O readers) reach the loop's
 * exception handler with the exception itself, and the loop goes on running everything else.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CallbackFaultsTest {
    private EventLoop loop;
    private final List<Map<String, Object>> reports = new ArrayList<>();

    @BeforeEach
    void newLoop() {
        loop = EventLoop.createVirtual();
        loop.setExceptionHandler((l, context) -> reports.add(context));
    }

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** A distinct exception per fault, so a report can be matched to the callback that threw. */
    private static final class Fault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fault(String what) {
            super(what, null, false, false);
        }
    }

    private List<Throwable> reportedExceptions() {
        List<Throwable> out = new ArrayList<>();
        for (Map<String, Object> r : reports) {
            out.add((Throwable) r.get("exception"));
        }
        return out;
    }

    @Test
    void throwingSoonCallbacksAndTimersAreReportedAndTheLoopRunsOn() {
        Fault soon = new Fault("soon");
        Fault timer = new Fault("timer");
        List<String> ran = new ArrayList<>();
        loop.callSoon(() -> {
            throw soon;
        });
        loop.callSoon(() -> ran.add("after soon"));
        loop.callLater(1, () -> {
            throw timer;
        });
        loop.callLater(1, () -> ran.add("after timer"));
        loop.callAt(2, () -> ran.add("later timer"));

        loop.runUntilComplete(Asyncio.sleep(3));

        assertEquals(List.of("after soon", "after timer", "later timer"), ran);
        assertEquals(List.of(soon, timer), reportedExceptions());
        for (Map<String, Object> r : reports) {
            assertTrue(String.valueOf(r.get("message")).startsWith("Exception in callback"), r.toString());
            assertTrue(r.containsKey("handle"), r.toString());
        }
    }

    /**
     * Regression: a future's done callbacks ran as one ready entry, so the first that threw
     * skipped the rest, including the wake-up of a task awaiting the future, which then hung.
     * asyncio schedules each callback as its own handle.
     */
    @Test
    void aThrowingDoneCallbackDoesNotStopTheOtherCallbacksNorTheAwaitingTask() {
        Fault first = new Fault("first callback");
        Fault third = new Fault("third callback");
        List<String> ran = new ArrayList<>();
        Future<String> f = loop.createFuture();
        f.addDoneCallback(x -> {
            throw first;
        });
        f.addDoneCallback(x -> ran.add("second saw " + x.result()));
        Object[] awaited = new Object[1];
        Task<Object> waiter = loop.createTask(Script.of().await(() -> f, v -> awaited[0] = v));
        loop.callSoon(() -> f.addDoneCallback(x -> {
            throw third;
        }));
        loop.callLater(1, () -> f.setResult("value"));

        loop.runUntilComplete(waiter);

        assertEquals("value", awaited[0]);
        assertEquals(List.of("second saw value"), ran);
        assertEquals(List.of(first, third), reportedExceptions());
    }

    @Test
    void aThrowingReaderCallbackIsReportedAndCalledAgainWhileReadable() throws IOException {
        Fault fault = new Fault("reader");
        int[] calls = {0};
        Pipe pipe = Pipe.open();
        try {
            pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            loop.addReader(pipe.source(), () -> {
                if (++calls[0] == 1) {
                    throw fault;
                }
                loop.removeReader(pipe.source());
            });

            loop.runUntilComplete(Asyncio.sleep(1));

            assertEquals(2, calls[0], "the reader stays registered after throwing");
            assertEquals(List.of(fault), reportedExceptions());
        } finally {
            pipe.sink().close();
            pipe.source().close();
        }
    }

    @Test
    void aThrowingCallbackOnAnAlreadyDoneFutureIsReported() {
        Fault fault = new Fault("late callback");
        Future<String> f = loop.createFuture();
        f.setResult("done");
        List<String> ran = new ArrayList<>();
        f.addDoneCallback(x -> {
            throw fault;
        });
        f.addDoneCallback(x -> ran.add("ran"));

        loop.runUntilComplete(Asyncio.sleep(0));

        assertEquals(List.of("ran"), ran);
        assertEquals(List.of(fault), reportedExceptions());
    }

    /** Many faults of every kind, seeded: each reported once, in order, every survivor ran. */
    @Test
    void aStormOfThrowingCallbacksIsReportedOneByOne() {
        Random random = new Random(8);
        List<Fault> expectedFaults = new ArrayList<>();
        int[] survivors = {0};
        int expectedSurvivors = 0;
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            boolean throwing = random.nextInt(3) == 0;
            Fault fault = new Fault("fault " + i);
            Runnable body = throwing ? () -> {
                throw fault;
            } : () -> survivors[0]++;
            if (throwing) {
                expectedFaults.add(fault);
            } else {
                expectedSurvivors++;
            }
            switch (random.nextInt(3)) {
                case 0 -> loop.callSoon(body);
                case 1 -> loop.callLater(random.nextInt(100), body);
                default -> {
                    Future<Integer> f = loop.createFuture();
                    f.addDoneCallback(x -> body.run());
                    futures.add(f);
                    loop.callLater(random.nextInt(100), () -> f.setResult(1));
                }
            }
        }

        loop.runUntilComplete(Asyncio.sleep(200));

        assertEquals(expectedSurvivors, survivors[0]);
        List<Throwable> reported = reportedExceptions();
        assertEquals(expectedFaults.size(), reported.size());
        assertTrue(reported.containsAll(expectedFaults), "every fault reported");
        futures.forEach(f -> assertTrue(f.isDone()));
    }

    @Test
    void aThrowingExceptionHandlerDoesNotStopTheLoop() {
        loop.setExceptionHandler((l, context) -> {
            reports.add(context);
            throw new Fault("handler itself");
        });
        Fault fault = new Fault("callback");
        List<String> ran = new ArrayList<>();
        loop.callSoon(() -> {
            throw fault;
        });
        loop.callSoon(() -> ran.add("next"));

        loop.runUntilComplete(Asyncio.sleep(1));

        assertEquals(List.of("next"), ran);
        assertSame(fault, reports.get(0).get("exception"));
    }
}
