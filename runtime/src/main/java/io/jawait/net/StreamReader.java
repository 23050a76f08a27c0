package io.jawait.net;

import io.jawait.AsyncIterable;
import io.jawait.AsyncIterator;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import io.jawait.Future;
import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * The reading half of a connection (asyncio's {@code StreamReader}): bytes received from the
 * peer, read by coroutines.
 *
 * <p>Received bytes are buffered. When more than twice the limit (default 64 KiB, see
 * {@link Streams}) is buffered, the connection stops reading from the socket, so a peer that keeps
 * writing to a handler that does not read is held back by TCP flow control instead of filling
 * memory; reading resumes once the buffer is back under the limit, or when a read needs more
 * bytes. If the connection fails (for example the peer resets it), every later read throws that
 * {@link java.io.IOException}.
 *
 * <p>Only one coroutine may wait for data at a time. Use the reader only on its loop's thread.
 * Iterating it (an enhanced {@code for} in an {@code @Async} method, or {@link #asyncIterator()})
 * yields one line per element, as {@link #readLine()} returns them, until end-of-stream.
 */
public final class StreamReader implements AsyncIterable<byte[]> {
    private static final byte[] EMPTY = new byte[0];

    private final EventLoop loop;
    private final int limit;
    private final ReadBuffer buffer = new ReadBuffer();
    private SocketTransport transport;
    private boolean eof;
    private Throwable failure;
    private Future<Void> waiter;
    private boolean paused;

    StreamReader(EventLoop loop, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        this.loop = Objects.requireNonNull(loop, "loop");
        this.limit = limit;
    }

    /**
     * Reads up to {@code n} bytes: whatever is buffered (at most {@code n}), waiting only if
     * nothing is. With {@code n < 0} (conventionally {@code -1}) reads everything up to
     * end-of-stream.
     *
     * @param n the most bytes to return, or {@code -1} for all until end-of-stream
     * @return a coroutine producing the bytes; an empty array at end-of-stream (or for {@code n == 0})
     */
    public Coroutine<byte[]> read(int n) {
        if (n < 0) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            return new BufferedRead(this, "read", () -> {
                throwIfFailed();
                if (buffer.size() > 0) {
                    all.writeBytes(buffer.takeAll());
                    maybeResumeReading();
                }
                return eof ? all.toByteArray() : null;
            });
        }
        return new BufferedRead(this, "read", () -> {
            throwIfFailed();
            if (n == 0) {
                return EMPTY;
            }
            if (buffer.size() == 0) {
                return eof ? EMPTY : null;
            }
            byte[] data = buffer.take(Math.min(n, buffer.size()));
            maybeResumeReading();
            return data;
        });
    }

    /**
     * Reads one line, up to and including {@code '\n'}. At end-of-stream returns the partial last
     * line, or an empty array if nothing is left.
     *
     * <p>At the await, a line longer than the limit throws {@link LimitOverrunException}; the
     * line is consumed if its newline was received, else the buffer is cleared.
     *
     * @return a coroutine producing the line
     */
    public Coroutine<byte[]> readLine() {
        return new BufferedRead(this, "readLine", SeparatorSearch.line(this, buffer));
    }

    /**
     * Reads exactly {@code n} bytes (not bounded by the limit).
     *
     * <p>At the await, end-of-stream before {@code n} bytes throws
     * {@link IncompleteReadException}; the bytes received are consumed and carried in
     * {@link IncompleteReadException#partial()}.
     *
     * @param n how many bytes, {@code >= 0}
     * @return a coroutine producing {@code n} bytes
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public Coroutine<byte[]> readExactly(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("readExactly size can not be less than zero, got " + n);
        }
        return new BufferedRead(this, "readExactly", () -> {
            throwIfFailed();
            if (n == 0) {
                return EMPTY;
            }
            if (buffer.size() >= n) {
                byte[] data = buffer.take(n);
                maybeResumeReading();
                return data;
            }
            if (eof) {
                throw new IncompleteReadException(buffer.takeAll(), n);
            }
            return null;
        });
    }

    /**
     * Reads up to and including {@code separator}.
     *
     * <p>At the await, end-of-stream before the separator throws
     * {@link IncompleteReadException} (the buffered bytes are consumed and carried in it), and a
     * chunk that would exceed the limit throws {@link LimitOverrunException} (nothing is
     * consumed).
     *
     * @param separator the bytes that end the chunk, not empty
     * @return a coroutine producing the data with the separator at its end
     * @throws IllegalArgumentException if {@code separator} is empty
     */
    public Coroutine<byte[]> readUntil(byte[] separator) {
        Objects.requireNonNull(separator, "separator");
        if (separator.length == 0) {
            throw new IllegalArgumentException("Separator should be at least one-byte string");
        }
        return new BufferedRead(this, "readUntil", SeparatorSearch.until(this, buffer, separator.clone()));
    }

    /** @return whether end-of-stream was received and every byte has been read */
    public boolean atEof() {
        return eof && buffer.size() == 0;
    }

    /** @return the buffer limit in bytes */
    public int limit() {
        return limit;
    }

    /** @return an iterator over the remaining lines, one {@link #readLine()} per element */
    @Override
    public AsyncIterator<byte[]> asyncIterator() {
        return new LineIterator(this);
    }

    @Override
    public String toString() {
        return "StreamReader[" + buffer.size() + " bytes buffered" + (eof ? ", eof" : "")
                + (paused ? ", paused" : "") + (failure != null ? ", failed: " + failure : "") + "]";
    }

    // ------------------------------------------------------------------ fed by the transport

    void attach(SocketTransport t) {
        transport = t;
    }

    void feedData(byte[] data, int off, int len) {
        if (len == 0) {
            return;
        }
        buffer.append(data, off, len);
        wakeWaiter();
        if (transport != null && !paused && buffer.size() > 2 * limit) {
            paused = true;
            transport.pauseReading();
        }
    }

    void feedEof() {
        eof = true;
        wakeWaiter();
    }

    void setFailure(Throwable t) {
        failure = t;
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.isDone()) {
                w.setException(t);
            }
        }
    }

    /** @return how many received bytes are waiting to be read */
    int bufferedSize() {
        return buffer.size();
    }

    /** @return the failure the connection ended with, or {@code null} */
    Throwable failure() {
        return failure;
    }

    // ------------------------------------------------------------------ used by the reads

    boolean eofReceived() {
        return eof;
    }

    void throwIfFailed() throws Exception {
        Throwable t = failure;
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    void maybeResumeReading() {
        if (paused && buffer.size() <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    Future<Void> waitForData(String operation) {
        if (waiter != null) {
            throw new IllegalStateException(operation
                    + "() called while another coroutine is already waiting for incoming data");
        }
        if (eof) {
            throw new IllegalStateException(operation + "() waits for data after end-of-stream");
        }
        // A read that needs more than the buffer holds must get it even above the limit.
        if (paused) {
            paused = false;
            transport.resumeReading();
        }
        waiter = loop.createFuture();
        return waiter;
    }

    void waiterDone(Future<Void> w) {
        if (waiter == w) {
            waiter = null;
        }
    }

    private void wakeWaiter() {
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.isDone()) {
                w.setResult(null);
            }
        }
    }
}
