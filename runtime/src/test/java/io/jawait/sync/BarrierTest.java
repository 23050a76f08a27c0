package io.jawait.sync;

import static io.jawait.sync.Loops.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.testing.Script;
import io.jawait.EventLoop;
import io.jawait.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Barrier, after CPython 3.11's test_locks.BarrierTests; outcomes checked against real asyncio. */
class BarrierTest {
    private final EventLoop loop = EventLoop.createVirtual();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** Arrives, then logs "name:index" or "name:" + the BrokenBarrierException message. */
    private Task<Object> party(Barrier barrier, String name) {
        return Script.of()
                .await(() -> new Catching<>(barrier.arriveAndWait(), BrokenBarrierException.class),
                        r -> log.add(name + ":" + r))
                .startOn(loop);
    }

    @Test
    void partiesMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Barrier(0));
    }

    @Test
    void releasesAllPartiesTogetherWithArrivalIndices() {
        Barrier barrier = new Barrier(3);
        party(barrier, "a");
        party(barrier, "b");
        settle(loop);
        assertEquals(2, barrier.waiting());
        assertEquals(List.of(), log);
        party(barrier, "c");
        settle(loop);
        assertEquals(List.of("c:2", "a:0", "b:1"), log, "the last arrival does not suspend");
        assertEquals(0, barrier.waiting());
        assertEquals("Barrier[filling, waiters:0/3]", barrier.toString());
    }

    @Test
    void newcomersWaitForTheNextRoundWhileDraining() {
        // Five tasks on a barrier of three, as checked with asyncio 3.11: the fourth and fifth
        // wait for a second round, and a reset breaks it.
        Barrier barrier = new Barrier(3);
        for (String name : List.of("0", "1", "2", "3", "4")) {
            party(barrier, name);
        }
        settle(loop);
        assertEquals(List.of("2:2", "0:0", "1:1"), log);
        assertEquals("Barrier[filling, waiters:2/3]", barrier.toString());
        barrier.reset();
        settle(loop);
        assertEquals(List.of("2:2", "0:0", "1:1", "3:Abort or reset of barrier", "4:Abort or reset of barrier"), log);
        assertEquals("Barrier[filling, waiters:0/3]", barrier.toString());
    }

    @Test
    void barrierIsReusable() {
        Barrier barrier = new Barrier(2);
        for (int round = 0; round < 3; round++) {
            party(barrier, "x" + round);
            party(barrier, "y" + round);
            settle(loop);
        }
        assertEquals(List.of("y0:1", "x0:0", "y1:1", "x1:0", "y2:1", "x2:0"), log);
    }

    @Test
    void singlePartyNeverSuspends() {
        Barrier barrier = new Barrier(1);
        assertEquals(0, loop.runUntilComplete(barrier.arriveAndWait()));
        assertEquals(0, loop.runUntilComplete(barrier.arriveAndWait()));
    }

    @Test
    void abortBreaksWaitersAndLaterArrivalsUntilReset() {
        Barrier barrier = new Barrier(3);
        party(barrier, "a");
        settle(loop);
        barrier.abort();
        assertTrue(barrier.isBroken());
        settle(loop);
        assertEquals(List.of("a:Abort or reset of barrier"), log);
        party(barrier, "late");
        settle(loop);
        assertEquals("late:Barrier aborted", log.get(1));
        assertEquals("Barrier[broken]", barrier.toString());
        barrier.reset();
        assertFalse(barrier.isBroken());
        party(barrier, "x");
        party(barrier, "y");
        party(barrier, "z");
        settle(loop);
        assertEquals(List.of("z:2", "x:0", "y:1"), log.subList(2, 5));
    }

    @Test
    void cancelledWaiterLeavesTheRound() {
        Barrier barrier = new Barrier(2);
        Task<Object> quitter = party(barrier, "quitter");
        settle(loop);
        assertEquals(1, barrier.waiting());
        quitter.cancel();
        settle(loop);
        assertTrue(quitter.isCancelled());
        assertEquals(0, barrier.waiting());
        party(barrier, "a");
        party(barrier, "b");
        settle(loop);
        assertEquals(List.of("b:1", "a:0"), log);
    }

    @Test
    void waiterCancelledAfterReleaseIsCancelledButTheRoundCompletes() {
        Barrier barrier = new Barrier(2);
        Task<Object> a = party(barrier, "a");
        settle(loop);
        loop.callSoon(() -> party(barrier, "b"));
        loop.callSoon(a::cancel); // runs after b released the round, before a resumes
        settle(loop);
        assertTrue(a.isCancelled());
        assertEquals(List.of("b:1"), log);
        assertEquals("Barrier[filling, waiters:0/2]", barrier.toString());
        party(barrier, "c");
        party(barrier, "d");
        settle(loop);
        assertEquals(List.of("b:1", "d:1", "c:0"), log);
    }

    @Test
    void cancelWhileBlockedByDrainingCountsNothing() {
        Barrier barrier = new Barrier(2);
        party(barrier, "a");
        settle(loop);
        List<Task<Object>> blocked = new ArrayList<>();
        loop.callSoon(() -> party(barrier, "b"));          // releases the round: draining
        loop.callSoon(() -> blocked.add(party(barrier, "c"))); // c has to wait for the drain
        loop.callSoon(() -> loop.callSoon(() -> blocked.get(0).cancel()));
        settle(loop);
        assertTrue(blocked.get(0).isCancelled());
        assertEquals(List.of("b:1", "a:0"), log);
        assertEquals(0, barrier.waiting());
    }
}
