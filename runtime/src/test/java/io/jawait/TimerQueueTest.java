package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The timer heap: order by time then scheduling order, lazy removal of cancelled timers. */
class TimerQueueTest {

    private record Fired(double when, int index) {
    }

    @Test
    void timersRunByTimeThenSchedulingOrderAndCancelledOnesNever() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Random random = new Random(7);
            List<Fired> fired = new ArrayList<>();
            List<Fired> expected = new ArrayList<>();
            List<EventLoop.TimerHandle> handles = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                double when = random.nextInt(50) / 10.0; // many ties
                Fired f = new Fired(when, i);
                handles.add(loop.callAt(when, () -> fired.add(f)));
                if (i % 3 != 0) {
                    expected.add(f);
                }
            }
            for (int i = 0; i < handles.size(); i += 3) {
                handles.get(i).cancel();
            }
            loop.runUntilComplete(Asyncio.sleep(10));
            expected.sort(Comparator.comparingDouble(Fired::when).thenComparingInt(Fired::index));
            assertEquals(expected, fired);
        }
    }

    @Test
    void cancellingTimersThatFiredAlreadyLeavesTheCountAlone() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            List<EventLoop.TimerHandle> handles = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                handles.add(loop.callAt(1, () -> { }));
            }
            loop.runUntilComplete(Asyncio.sleep(2));
            handles.forEach(EventLoop.TimerHandle::cancel);
            int[] ran = {0};
            loop.callAt(3, () -> ran[0]++);
            assertTrue(loop.toString().contains("timers=1"), loop::toString);
            loop.runUntilComplete(Asyncio.sleep(2));
            assertEquals(1, ran[0]);
        }
    }

    @Test
    void aMajorityOfCancelledTimersIsDroppedAndTheRestKeepTheirOrder() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            List<Integer> fired = new ArrayList<>();
            List<EventLoop.TimerHandle> handles = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int index = i;
                handles.add(loop.callAt(1000 - i, () -> fired.add(index)));
            }
            for (int i = 0; i < 1000; i++) {
                if (i % 10 != 0) {
                    handles.get(i).cancel();
                }
            }
            assertTrue(loop.toString().contains("timers=100"), loop::toString);
            loop.runUntilComplete(Asyncio.sleep(1001));
            List<Integer> expected = new ArrayList<>();
            for (int i = 990; i >= 0; i -= 10) {
                expected.add(i);
            }
            assertEquals(expected, fired);
        }
    }
}
