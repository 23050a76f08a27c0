package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loop's block-chained FIFO, checked against an ArrayDeque. */
class ReadyQueueTest {

    @Test
    void staysFifoAcrossBlocksUnderRandomAddsAndPolls() {
        ReadyQueue queue = new ReadyQueue();
        ArrayDeque<Object> model = new ArrayDeque<>();
        Random random = new Random(11);
        int next = 0;
        for (int step = 0; step < 200_000; step++) {
            // Phases of growth and of draining, so the queue crosses many blocks and empties often.
            boolean grow = (step / 5_000) % 2 == 0 ? random.nextInt(10) < 7 : random.nextInt(10) < 3;
            if (grow) {
                Integer item = next++;
                queue.add(item);
                model.add(item);
            } else {
                assertEquals(model.poll(), queue.poll());
            }
            assertEquals(model.size(), queue.size());
            assertEquals(model.isEmpty(), queue.isEmpty());
        }
        while (!model.isEmpty()) {
            assertEquals(model.poll(), queue.poll());
        }
        assertNull(queue.poll());
    }

    @Test
    void aBurstDrainsInOrderAndTheQueueIsReusableAfterClear() {
        ReadyQueue queue = new ReadyQueue();
        for (int i = 0; i < 10_000; i++) {
            queue.add(i);
        }
        for (int i = 0; i < 5_000; i++) {
            assertEquals(i, queue.poll());
        }
        queue.clear();
        assertTrue(queue.isEmpty());
        assertNull(queue.poll());
        queue.add("again");
        assertEquals(1, queue.size());
        assertEquals("again", queue.poll());
    }
}
