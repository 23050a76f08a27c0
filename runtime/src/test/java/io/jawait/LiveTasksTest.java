package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jawait.testing.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The loop's registry of pending tasks against a plain list: whatever order tasks finish in, the
 * registry holds exactly the pending ones, oldest first, through its compactions and shrinks.
 */
class LiveTasksTest {
    @Test
    void holdsExactlyThePendingTasksOldestFirst() {
        Random random = new Random(20261123);
        try (EventLoop loop = EventLoop.createVirtual()) {
            List<Task<Object>> pending = new ArrayList<>();
            List<Future<Object>> gates = new ArrayList<>();
            for (int round = 0; round < 200; round++) {
                int creations = random.nextInt(round % 50 == 0 ? 2000 : 40);
                for (int i = 0; i < creations; i++) {
                    Future<Object> gate = loop.createFuture();
                    gates.add(gate);
                    pending.add(loop.createTask(Script.of().await(() -> gate)));
                }
                int finishes = random.nextInt(pending.size() + 1);
                boolean fifo = random.nextBoolean(); // short tasks end roughly in creation order
                for (int i = 0; i < finishes && !pending.isEmpty(); i++) {
                    int k = fifo ? 0 : random.nextInt(pending.size());
                    pending.remove(k);
                    gates.remove(k).setResult(null);
                }
                loop.runUntilComplete(Asyncio.sleep(0));
                loop.runUntilComplete(Asyncio.sleep(0));
                assertEquals(pending, new ArrayList<>(loop.liveTasks()), "round " + round);
            }
        }
    }
}
