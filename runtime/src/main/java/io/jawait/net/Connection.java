package io.jawait.net;

import io.jawait.AsyncCloseable;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * A connected TCP stream: what {@link Streams#openConnection(String, int)} produces (asyncio's
 * {@code (reader, writer)} pair). As an {@link AsyncCloseable}, a try-with-resources in an
 * {@code @Async} method closes the writer and waits until the socket is closed.
 */
public final class Connection implements AsyncCloseable {
    private final StreamReader reader;
    private final StreamWriter writer;

    private Connection(StreamReader reader, StreamWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    /** Wraps a connected channel: reader, writer and transport, reading started. */
    static Connection start(EventLoop loop, SocketChannel channel, int limit, Runnable onLost) throws IOException {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        StreamReader reader = new StreamReader(loop, limit);
        SocketTransport transport = new SocketTransport(loop, channel, reader);
        StreamWriter writer = new StreamWriter(transport, reader);
        transport.start(onLost);
        return new Connection(reader, writer);
    }

    /** @return the reading half */
    public StreamReader reader() {
        return reader;
    }

    /** @return the writing half */
    public StreamWriter writer() {
        return writer;
    }

    /** Closes the writer (flushing it) without waiting; see {@link StreamWriter#close()}. */
    @Override
    public void close() {
        writer.close();
    }

    /**
     * Closes the writer and waits until the socket is closed.
     *
     * @return a coroutine that completes when the socket is closed
     */
    @Override
    public Coroutine<Void> closeAsync() {
        writer.close();
        return writer.waitClosed();
    }

    @Override
    public String toString() {
        return "Connection[" + writer.remoteAddress() + "]";
    }
}
