package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reader and writer registrations: what runs, and what keeps a virtual clock from jumping. */
class IoRegistrationTest {

    /** A reader removed by an earlier callback of the same iteration must not run. */
    @Test
    void readerRemovedEarlierInTheSameIterationDoesNotRun() throws IOException {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Pipe first = Pipe.open();
            Pipe second = Pipe.open();
            List<String> ran = new ArrayList<>();
            loop.addReader(first.source(), () -> {
                ran.add("first");
                loop.removeReader(first.source());
                loop.removeReader(second.source());
            });
            loop.addReader(second.source(), () -> {
                ran.add("second");
                loop.removeReader(second.source());
                loop.removeReader(first.source());
            });
            first.sink().write(ByteBuffer.wrap(new byte[] {1}));
            second.sink().write(ByteBuffer.wrap(new byte[] {1}));
            loop.callLater(1, loop::stop);
            loop.runForever();
            assertEquals(1, ran.size(), "only the callback that ran first may run: " + ran);
        }
    }

    /** A channel closed while still watched no longer holds virtual time back. */
    @Test
    void closedWatchedChannelDoesNotHoldVirtualTimeBack() throws IOException {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Pipe pipe = Pipe.open();
            loop.addReader(pipe.source(), () -> { });
            assertTrue(loop.watchesIo());
            pipe.source().close();
            pipe.sink().close();
            assertFalse(loop.watchesIo(), "a closed channel still counts as watched");
            loop.runUntilComplete(loop.createTask(Asyncio.sleep(3600)));
            assertEquals(3600.0, loop.time(), 1e-9);
        }
    }
}
