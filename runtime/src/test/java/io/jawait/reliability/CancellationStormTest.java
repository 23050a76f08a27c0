package io.jawait.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.Asyncio;
import io.jawait.EventLoop;
import io.jawait.Task;
import io.jawait.reliability.StormGraph.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cancellation storm: a {@link StormGraph} of 10,000 tasks on virtual time, with random tasks
 * cancelled at random points (before they start, while they wait, twice, from a ticker that also
 * hits TaskGroup children). Afterwards every remaining task is cancelled until none is left, and
 * the invariants are checked: every started body ran its {@code finally} exactly once (and an
 * unstarted one never), no task pending, the loop has no live task, no lock held nor ever held
 * twice, no queue item lost or duplicated, a task succeeded exactly when its body reached its end,
 * and nothing was reported to the exception handler.
 *
 * <p>A seed reproduces a storm ({@code -Djawait.storm.seed=N -Djawait.storm.seeds=1} reruns seed N
 * alone). CI runs seeds 1 to 3 with 10,000 tasks; a soak run, from the repository root:
 * <pre>
 * mvn -B -pl runtime -am test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=io.jawait.reliability.CancellationStormTest -Djawait.storm.tasks=100000 -Djawait.storm.seeds=50
 * </pre>
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CancellationStormTest {
    static final int TASKS = Integer.getInteger("jawait.storm.tasks", 10_000);
    static final int SEEDS = Integer.getInteger("jawait.storm.seeds", 3);
    static final long FIRST_SEED = Long.getLong("jawait.storm.seed", 1);

    /** @return the seeds to run: {@code jawait.storm.seeds} of them from {@code jawait.storm.seed} */
    static LongStream seeds() {
        return LongStream.range(FIRST_SEED, FIRST_SEED + SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invariantsHoldAfterAStormOfCancellations(long seed) {
        try (EventLoop loop = EventLoop.createVirtual()) {
            List<Map<String, Object>> reports = new ArrayList<>();
            loop.setExceptionHandler((l, context) -> reports.add(context));
            StormGraph graph = new StormGraph(loop, seed);
            graph.build(TASKS);
            unleash(loop, graph, new Random(seed * 31 + 7));

            loop.runUntilComplete(Asyncio.sleep(StormGraph.HORIZON));
            int rounds = cancelWhatRemains(loop, graph);

            String where = "seed " + seed + " after " + rounds + " final rounds";
            assertEquals(List.of(), graph.breaches, where);
            checkTasks(graph, where);
            checkNoLiveTask(loop, where);
            for (int i = 0; i < StormGraph.LOCKS; i++) {
                assertFalse(graph.locks.get(i).locked(), "lock " + i + " still held, " + where);
            }
            checkQueues(graph, where);
            assertEquals(List.of(), reports, where);
        }
    }

    /** Schedules the random cancellations. */
    private static void unleash(EventLoop loop, StormGraph graph, Random random) {
        for (Node node : new ArrayList<>(graph.nodes)) {
            Task<Object> t = node.task;
            switch (random.nextInt(10)) {
                case 0 -> t.cancel("before it starts");
                case 1, 2 -> loop.callLater(random.nextDouble() * StormGraph.HORIZON / 10, () -> t.cancel("at random"));
                case 3 -> {
                    double when = random.nextDouble() * StormGraph.HORIZON / 10;
                    loop.callLater(when, () -> t.cancel("twice"));
                    loop.callLater(when + random.nextInt(2) * 0.001, () -> t.cancel("twice"));
                }
                default -> { }
            }
        }
        // A ticker that also reaches the group children created while the graph runs.
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            List<Node> all = graph.nodes;
            for (int i = 0; i < 20; i++) {
                Task<Object> victim = all.get(random.nextInt(all.size())).task;
                if (victim != null) {
                    victim.cancel("ticker");
                }
            }
            if (loop.time() < StormGraph.HORIZON / 5) {
                loop.callLater(0.05, tick[0]);
            }
        };
        loop.callSoon(tick[0]);
    }

    /** Cancels every task still pending (consumers of empty queues, ...) until none is. */
    private static int cancelWhatRemains(EventLoop loop, StormGraph graph) {
        for (int round = 1; round <= 100; round++) {
            boolean pending = false;
            for (Node node : new ArrayList<>(graph.nodes)) {
                if (!node.task.isDone()) {
                    pending = true;
                    node.task.cancel("shutdown");
                }
            }
            if (!pending) {
                return round - 1;
            }
            loop.runUntilComplete(Asyncio.sleep(1));
        }
        throw new AssertionError("tasks still pending after 100 rounds of cancellation");
    }

    private static void checkTasks(StormGraph graph, String where) {
        int cancelled = 0;
        int unstarted = 0;
        for (Node node : graph.nodes) {
            Task<Object> t = node.task;
            String what = "task " + node.id + " (" + t + "), " + where;
            assertTrue(t.isDone(), what + " is pending");
            assertTrue(node.started <= 1, what + " started " + node.started + " times");
            assertEquals(node.started, node.finallies, what + ": finally ran " + node.finallies + " times");
            if (node.started == 0) {
                unstarted++;
                assertTrue(t.isCancelled(), what + " never started but is not cancelled");
            }
            if (t.isCancelled()) {
                cancelled++;
                assertFalse(node.reachedEnd, what + " reached its end but ended cancelled");
            } else {
                assertNull(t.exception(), what + " failed");
                assertTrue(node.reachedEnd, what + " succeeded without reaching its end");
            }
        }
        // The storm must have hit: otherwise the test proves nothing.
        assertTrue(cancelled > graph.nodes.size() / 10, "only " + cancelled + " cancelled, " + where);
        assertTrue(unstarted > 0 && cancelled < graph.nodes.size(), "cancelled " + cancelled + ", " + where);
    }

    private static void checkNoLiveTask(EventLoop loop, String where) {
        Set<Task<?>> live = new HashSet<>();
        Task<Object> probe = loop.createTask(Steps.of().run(() -> live.addAll(Asyncio.allTasks())));
        loop.runUntilComplete(probe);
        live.remove(probe);
        assertEquals(Set.of(), live, "live tasks, " + where);
    }

    private static void checkQueues(StormGraph graph, String where) {
        List<Integer> remaining = new ArrayList<>();
        for (var q : graph.queues) {
            while (!q.isEmpty()) {
                remaining.add(q.getNowait());
            }
        }
        List<Integer> out = new ArrayList<>(graph.got);
        out.addAll(remaining);
        assertEquals(out.size(), new HashSet<>(out).size(), "an item came out twice, " + where);
        assertEquals(new HashSet<>(graph.put), new HashSet<>(out), "items lost or invented, " + where);
        assertEquals(graph.put.size(), out.size(), where);
        assertTrue(graph.got.size() > 0, "no item ever went through a queue, " + where);
    }
}
