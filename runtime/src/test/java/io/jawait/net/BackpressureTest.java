package io.jawait.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.Asyncio;
import io.jawait.Future;
import io.jawait.Task;
import org.junit.jupiter.api.Test;

/**
 * Flow control in both directions: a writer whose peer does not read is suspended in drain()
 * with a bounded buffer; a handler that does not read stops reading from its socket so the
 * peer's writer is suspended in turn. Every byte still arrives, in order.
 */
class BackpressureTest extends LoopTest {
    /** More than loopback socket buffers absorb when the receiver does not read. */
    static final int TOTAL = 48 * 1024 * 1024;
    static final int CHUNK = 64 * 1024;
    static final int HIGH = 64 * 1024;

    /** Reads until {@code total} bytes came, checking that they are {@link #pattern} bytes in order. */
    static Chain<Void> readPattern(StreamReader r, long[] received, long total) {
        return Chain.loopWhile(() -> Chain.await(() -> r.read(CHUNK)).map(b -> {
            if (b.length == 0) {
                throw new AssertionError("end-of-stream after " + received[0] + " bytes");
            }
            if (!isPattern(b, received[0])) {
                throw new AssertionError("wrong bytes at offset " + received[0]);
            }
            received[0] += b.length;
            return received[0] < total;
        }));
    }

    /** Writes {@code total} pattern bytes in chunks, draining after each. */
    static Chain<Void> writePattern(StreamWriter w, long[] sent, long total) {
        return Chain.repeat((int) (total / CHUNK), i -> {
            w.write(pattern(sent[0], CHUNK));
            sent[0] += CHUNK;
            return w.drain();
        });
    }

    @Test
    void aFastWriterToASlowReaderIsSuspendedInDrainWithABoundedBuffer() {
        long[] sent = {0};
        StreamWriter[] serverWriter = new StreamWriter[1];
        Future<Void> finished = loop.createFuture();
        Server server = serve((r, w) -> {
            serverWriter[0] = w;
            return writePattern(w, sent, TOTAL).map(v -> {
                finished.setResult(null);
                return null;
            });
        });
        Connection c = run(Streams.openConnection(HOST, server.port()));
        run(Asyncio.sleep(1)); // the client reads nothing meanwhile

        assertFalse(finished.isDone());
        assertTrue(sent[0] < TOTAL, "the writer was stopped");
        long buffered = serverWriter[0].writeBufferSize();
        assertTrue(buffered > HIGH && buffered <= HIGH + CHUNK, "paused above the high-water mark, bounded: " + buffered);
        assertTrue(c.reader().bufferedSize() <= 2 * Streams.DEFAULT_LIMIT + CHUNK,
                "the client stopped reading too: " + c.reader().bufferedSize());

        long[] received = {0};
        run(readPattern(c.reader(), received, TOTAL));
        run(finished);
        assertEquals(TOTAL, received[0]);
        assertEquals(0, run(c.reader().read(-1)).length, "nothing more than what was written");
        run(c.closeAsync());
        run(server.closeAsync());
    }

    @Test
    void aHandlerThatNeverReadsStopsReadingAndSuspendsThePeersWriter() {
        int limit = 1024;
        Future<Void> startReading = loop.createFuture();
        StreamReader[] serverReader = new StreamReader[1];
        long[] received = {0};
        Future<Void> handled = loop.createFuture();
        Server server = run(Streams.startServer((r, w) -> {
            serverReader[0] = r;
            return Chain.await(() -> startReading).then(v -> readPattern(r, received, TOTAL)).map(v -> {
                handled.setResult(null);
                return null;
            });
        }, HOST, 0, limit));
        Connection c = run(Streams.openConnection(HOST, server.port()));
        long[] sent = {0};
        Task<Void> writer = loop.createTask(writePattern(c.writer(), sent, TOTAL));
        run(Asyncio.sleep(1));

        assertFalse(writer.isDone());
        assertTrue(sent[0] < TOTAL);
        assertTrue(serverReader[0].bufferedSize() <= 2 * limit + CHUNK,
                "the handler's buffer stays bounded: " + serverReader[0].bufferedSize());
        assertTrue(c.writer().writeBufferSize() > HIGH, "the client's writer waits in drain()");

        startReading.setResult(null);
        run(writer);
        run(handled);
        assertEquals(TOTAL, received[0]);
        run(c.closeAsync());
        run(server.closeAsync());
    }
}
