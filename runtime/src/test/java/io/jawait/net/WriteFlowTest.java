package io.jawait.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.EventLoop;
import io.jawait.Future;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The water marks: pause above high (64 KiB), resume only at or below low (16 KiB). */
class WriteFlowTest {
    private final EventLoop loop = EventLoop.createVirtual();
    private final WriteFlow flow = new WriteFlow(loop);

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void pausesAboveTheHighMarkAndResumesAtTheLowMark() {
        assertEquals(64 * 1024, flow.high());
        assertEquals(16 * 1024, flow.low());
        flow.buffered(64 * 1024);
        assertFalse(flow.isPaused(), "at the high mark is still fine");
        flow.buffered(64 * 1024 + 1);
        assertTrue(flow.isPaused());
        Future<Void> waiter = flow.newWaiter();
        flow.flushed(20 * 1024);
        assertTrue(flow.isPaused(), "below high but above low: still paused");
        assertFalse(waiter.isDone());
        flow.flushed(16 * 1024);
        assertFalse(flow.isPaused());
        assertTrue(waiter.isDone());
    }

    @Test
    void losingTheConnectionFailsTheWaitersWithItsCause() {
        flow.buffered(100_000);
        Future<Void> first = flow.newWaiter();
        Future<Void> second = flow.newWaiter();
        IOException reset = new IOException("Connection reset");
        flow.connectionLost(reset);
        assertSame(reset, first.exception());
        assertSame(reset, second.exception());
        assertFalse(flow.isPaused());
    }

    @Test
    void customLimitsAreValidated() {
        flow.setLimits(10, 0);
        flow.buffered(11);
        assertTrue(flow.isPaused());
        assertThrows(IllegalArgumentException.class, () -> flow.setLimits(1, 2));
        assertThrows(IllegalArgumentException.class, () -> flow.setLimits(1, -1));
    }
}
