package io.jawait.net;

import io.jawait.Coroutine;
import java.net.SocketAddress;
import java.util.Objects;

/**
 * The writing half of a connection (asyncio's {@code StreamWriter}).
 *
 * <p>{@link #write(byte[])} never blocks: what the socket does not take at once is buffered.
 * Await {@link #drain()} after writing: it suspends while more than the high-water mark
 * (64 KiB by default) is buffered and resumes once the buffer is down to the low-water mark
 * (16 KiB), so a fast writer to a slow reader waits instead of buffering without bound. A
 * connection that failed (the peer reset it or vanished) makes {@code drain()} throw the
 * {@link java.io.IOException}; after the connection is lost, writes are discarded and the next
 * {@code drain()} says so. {@link #close()} flushes everything written before closing the socket.
 *
 * <p>Use the writer only on its loop's thread.
 */
public final class StreamWriter {
    private final SocketTransport transport;
    private final StreamReader reader;

    StreamWriter(SocketTransport transport, StreamReader reader) {
        this.transport = transport;
        this.reader = reader;
    }

    /**
     * Sends {@code data}, or buffers what the socket cannot take now. The array is copied; the
     * caller may reuse it.
     *
     * @param data the bytes to send
     * @throws IllegalStateException after {@link #close()} or {@link #writeEof()}
     */
    public void write(byte[] data) {
        transport.write(Objects.requireNonNull(data, "data"));
    }

    /**
     * Waits until it is appropriate to write more: at once unless the buffer is above the
     * high-water mark.
     *
     * @return a coroutine that completes when the buffer is at or below the low-water mark;
     *     it throws the connection's failure, or a {@link java.net.SocketException} "Connection
     *     lost" once the connection is closed
     */
    public Coroutine<Void> drain() {
        return new Drain(transport, reader);
    }

    /**
     * Half-closes the connection: the peer reads end-of-stream once the buffered bytes are sent;
     * this side may still read.
     */
    public void writeEof() {
        transport.writeEof();
    }

    /** @return {@code true}: sockets support {@link #writeEof()} */
    public boolean canWriteEof() {
        return true;
    }

    /**
     * Closes the connection: stops reading, sends what is buffered, then closes the socket.
     * Idempotent. Await {@link #waitClosed()} to know when the socket is closed.
     */
    public void close() {
        transport.close();
    }

    /** @return whether the connection is closing or closed (by {@link #close()} or a failure) */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /**
     * Waits until the socket is closed.
     *
     * @return a coroutine completing when it is closed; it throws the failure the connection
     *     ended with, if any
     */
    public Coroutine<Void> waitClosed() {
        return new AwaitFuture(transport.closedFuture(), transport::lossCause, "StreamWriter.waitClosed()");
    }

    /** @return the peer's address */
    public SocketAddress remoteAddress() {
        return transport.remoteAddress();
    }

    /**
     * Sets the write-buffer water marks (asyncio's {@code set_write_buffer_limits}).
     *
     * @param high {@link #drain()} suspends while more than this many bytes are buffered
     * @param low it resumes once at most this many are
     * @throws IllegalArgumentException unless {@code high >= low >= 0}
     */
    public void setWriteBufferLimits(long high, long low) {
        transport.flow().setLimits(high, low);
        transport.flow().buffered(transport.writeBufferSize());
        transport.flow().flushed(transport.writeBufferSize());
    }

    /** @return how many written bytes the socket has not taken yet */
    public long writeBufferSize() {
        return transport.writeBufferSize();
    }

    @Override
    public String toString() {
        return "StreamWriter[" + remoteAddress() + ", " + transport.writeBufferSize() + " bytes buffered"
                + (transport.isClosing() ? ", closing" : "") + "]";
    }
}
