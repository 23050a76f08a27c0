package io.jawait.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs every demo of the tour and checks what it prints. */
class DemosTest {

    @Test
    void hello() throws Exception {
        assertEquals(List.of("Hello ...", "... World!", "finished in 1.0 units"), DemoRunner.virtual("hello"));
    }

    @Test
    void sequentialTakesTheSumAndTasksTakeTheLongest() throws Exception {
        assertEquals(List.of("hello", "world", "sequential: finished in 5.0 units",
                "world", "hello", "concurrent: finished in 3.0 units"),
                DemoRunner.virtual("sequential-vs-concurrent"));
    }

    @Test
    void gatherInterleavesAndKeepsArgumentOrder() throws Exception {
        assertEquals(List.of(
                "Task A: Compute factorial(2), currently i=2...",
                "Task B: Compute factorial(3), currently i=2...",
                "Task C: Compute factorial(4), currently i=2...",
                "Task A: factorial(2) = 2",
                "Task B: Compute factorial(3), currently i=3...",
                "Task C: Compute factorial(4), currently i=3...",
                "Task B: factorial(3) = 6",
                "Task C: Compute factorial(4), currently i=4...",
                "Task C: factorial(4) = 24",
                "results in argument order: [2, 6, 24]",
                "gather: finished in 3.0 units",
                "Task D: Compute factorial(2), currently i=2...",
                "Task D: factorial(2) = 2",
                "with return-exceptions: [2, java.lang.IllegalArgumentException: no factorial for you]"),
                DemoRunner.virtual("gather"));
    }

    @Test
    void waitForCancelsTheSlowCoroutineAndRaisesTimeout() throws Exception {
        assertEquals(List.of("eternity: cancelled, cleaning up", "timeout!", "wait-for: gave up in 1.0 units"),
                DemoRunner.virtual("wait-for"));
    }

    @Test
    void asCompletedPrintsInCompletionOrder() throws Exception {
        List<String> lines = DemoRunner.virtual("as-completed");
        assertEquals(5, lines.size());
        Pattern p = Pattern.compile("Hello (\\w+) \\(after (\\d) units\\)");
        List<Integer> delays = new ArrayList<>();
        for (String line : lines) {
            Matcher m = p.matcher(line);
            assertTrue(m.matches(), line);
            delays.add(Integer.parseInt(m.group(2)));
        }
        List<Integer> sorted = new ArrayList<>(delays);
        sorted.sort(null);
        assertEquals(sorted, delays);
    }

    @Test
    void everyKindOfAwaitableIsAwaitedTheSameWay() throws Exception {
        assertEquals(List.of("coroutine: 42", "task Task-N: 42", "future: 42"), DemoRunner.virtual("awaitables"));
    }

    @Test
    void executorWorkDoesNotBlockTheLoop() throws Exception {
        List<String> lines = DemoRunner.real("executor");
        int read = lines.indexOf("default executor read: contents of a slow file");
        assertTrue(read >= 2, lines.toString());
        assertEquals(List.of("tick 1", "tick 2"), lines.subList(0, 2));
        assertTrue(lines.contains("custom pool computed: " + expectedSum()), lines.toString());
    }

    private static long expectedSum() {
        long sum = 0;
        for (long i = 1; i <= 5_000_000; i++) {
            sum += i * i % 7;
        }
        return sum;
    }

    @Test
    void synchronizationPrimitives() throws Exception {
        assertEquals(List.of("first holds the lock", "second holds the lock", "setting the event",
                "waiter A saw the event", "waiter B saw the event",
                "semaphore(2): at most 2 workers inside at once", "queue: 10 items consumed, sum 55"),
                DemoRunner.virtual("sync"));
    }

    @Test
    void echoOverLoopback() throws Exception {
        assertEquals(List.of("server listening on a free loopback port", "client got back: hello",
                "client got back: from", "client got back: jawait", "server closed"), DemoRunner.virtual("echo"));
    }

    @Test
    void crawlerFetchesEveryPage() throws Exception {
        assertEquals(List.of("fetched: home: links /a /b /c", "fetched: page a", "fetched: page b", "fetched: page c"),
                DemoRunner.real("crawler"));
    }

    @Test
    void databaseHighScores() throws Exception {
        List<String> lines = DemoRunner.real("database");
        assertEquals("inserted 1000 scores", lines.get(0));
        assertTrue(lines.get(1).matches("top three: \\[player\\d+ \\d+, player\\d+ \\d+, player\\d+ \\d+\\]"), lines.get(1));
    }

    @Test
    void unknownDemoNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Demos.named("nope"));
        assertTrue(e.getMessage().contains("hello, sequential-vs-concurrent"), e.getMessage());
    }
}
