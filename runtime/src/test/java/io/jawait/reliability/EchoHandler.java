package io.jawait.reliability;

import io.jawait.Coroutine;
import io.jawait.net.ConnectionHandler;
import io.jawait.net.StreamReader;
import io.jawait.net.StreamWriter;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An echo server's connection handler, as an {@code @Async} body would be written:
 * <pre>{@code
 * try {
 *     for (byte[] data; (data = await(reader.read(CHUNK))).length > 0; ) {
 *         writer.write(data);
 *         await(writer.drain());
 *     }
 * } catch (IOException peerWentAway) {
 *     aborted.incrementAndGet();
 * }
 * }</pre>
 * Counters are atomic because the test thread reads them after the loop thread stops.
 */
final class EchoHandler extends Coroutine<Void> {
    static final int CHUNK = 16 * 1024;

    private final StreamReader reader;
    private final StreamWriter writer;
    private final AtomicLong echoed;
    private final AtomicLong aborted;

    private EchoHandler(StreamReader reader, StreamWriter writer, AtomicLong echoed, AtomicLong aborted) {
        this.reader = reader;
        this.writer = writer;
        this.echoed = echoed;
        this.aborted = aborted;
    }

    /** A handler that counts the bytes echoed and the connections that ended in an I/O error. */
    static ConnectionHandler counting(AtomicLong echoed, AtomicLong aborted) {
        return (r, w) -> new EchoHandler(r, w, echoed, aborted);
    }

    @Override
    @SuppressWarnings("fallthrough")
    protected void step() throws Throwable {
        try {
            for (;;) {
                switch (state) {
                    case 0:
                        state = 1;
                        if (awaits(reader.read(CHUNK))) {
                            return;
                        }
                        // fall through
                    case 1:
                        byte[] data = awaited();
                        if (data.length == 0) {
                            complete(null);
                            return;
                        }
                        writer.write(data);
                        echoed.addAndGet(data.length);
                        state = 2;
                        if (awaits(writer.drain())) {
                            return;
                        }
                        // fall through
                    case 2:
                        awaited();
                        state = 0;
                        break;
                    default:
                        throw new IllegalStateException("bad state " + state);
                }
            }
        } catch (IOException peerWentAway) {
            aborted.incrementAndGet();
            complete(null);
        }
    }
}
