package io.jawait.net;

import io.jawait.EventLoop;
import io.jawait.Future;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One connected socket on the loop (asyncio's selector socket transport): reads feed the
 * {@link StreamReader}; writes go straight to the socket while it takes them and are buffered
 * otherwise; close flushes the buffer before closing; a socket failure ends the connection with
 * that exception ("connection lost"), delivered to the reader, the drain waiters and
 * {@link StreamWriter#waitClosed()}.
 */
final class SocketTransport {
    private static final int READ_CHUNK = 64 * 1024;
    /** The loop is single-threaded, so one read buffer per thread serves all its connections. */
    private static final ThreadLocal<ByteBuffer> READ_BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocate(READ_CHUNK));

    private final EventLoop loop;
    private final SocketChannel channel;
    private final StreamReader reader;
    private final WriteBuffer writeBuffer = new WriteBuffer();
    private final WriteFlow flow;
    private final Future<Void> closed;
    private final SocketAddress remote;
    private final Runnable onWritable = this::onWritable;
    private Runnable onLost;
    /** Stopped reading and closing or lost: what {@link StreamWriter#isClosing()} reports. */
    private boolean closing;
    /** {@link #close()} was called: further writes are a usage error. */
    private boolean closeRequested;
    private boolean eofWritten;
    private boolean eofReceived;
    private boolean readingPaused;
    private boolean lossScheduled;
    private boolean lost;
    private Throwable lossCause;

    SocketTransport(EventLoop loop, SocketChannel channel, StreamReader reader) {
        this.loop = loop;
        this.channel = channel;
        this.reader = reader;
        this.flow = new WriteFlow(loop);
        this.closed = loop.createFuture();
        SocketAddress peer;
        try {
            peer = channel.getRemoteAddress();
        } catch (IOException e) {
            peer = null;
        }
        this.remote = peer;
        reader.attach(this);
    }

    /** Starts reading; {@code onLost} runs once the socket is closed. */
    void start(Runnable lostListener) {
        this.onLost = lostListener;
        loop.addReader(channel, this::onReadable);
    }

    SocketAddress remoteAddress() {
        return remote;
    }

    SocketChannel channel() {
        return channel;
    }

    WriteFlow flow() {
        return flow;
    }

    long writeBufferSize() {
        return writeBuffer.size();
    }

    boolean isClosing() {
        return closing;
    }

    boolean isLost() {
        return lost;
    }

    Throwable lossCause() {
        return lossCause;
    }

    Future<Void> closedFuture() {
        return closed;
    }

    // ------------------------------------------------------------------ reading

    void pauseReading() {
        if (closing || eofReceived || readingPaused) {
            return;
        }
        readingPaused = true;
        loop.removeReader(channel);
    }

    void resumeReading() {
        if (closing || eofReceived || !readingPaused) {
            return;
        }
        readingPaused = false;
        loop.addReader(channel, this::onReadable);
    }

    private void onReadable() {
        if (closing || eofReceived || readingPaused) {
            return; // a readiness event queued before reading stopped
        }
        ByteBuffer buf = READ_BUFFER.get();
        buf.clear();
        int n;
        try {
            n = channel.read(buf);
        } catch (IOException e) {
            forceClose(e);
            return;
        }
        if (n < 0) {
            // The peer half-closed: no more data, but we may still write (asyncio keeps the
            // transport open after eof_received for streams).
            eofReceived = true;
            loop.removeReader(channel);
            reader.feedEof();
        } else if (n > 0) {
            reader.feedData(buf.array(), 0, n);
        }
    }

    // ------------------------------------------------------------------ writing

    void write(byte[] data) {
        if (eofWritten) {
            throw new IllegalStateException("Cannot call write() after writeEof()");
        }
        if (closeRequested) {
            throw new IllegalStateException("Cannot call write() after close()");
        }
        if (data.length == 0 || lossScheduled) {
            return; // connection lost: drain() reports it
        }
        int off = 0;
        if (writeBuffer.isEmpty()) {
            try {
                off = channel.write(ByteBuffer.wrap(data));
            } catch (IOException e) {
                forceClose(e);
                return;
            }
            if (off == data.length) {
                return;
            }
            loop.addWriter(channel, onWritable);
        }
        writeBuffer.add(data, off, data.length - off);
        flow.buffered(writeBuffer.size());
    }

    void writeEof() {
        if (closing || eofWritten) {
            return;
        }
        eofWritten = true;
        if (writeBuffer.isEmpty()) {
            shutdownOutput();
        }
    }

    private void onWritable() {
        if (lossScheduled) {
            return; // a readiness event queued before the connection ended
        }
        try {
            writeBuffer.writeTo(channel);
        } catch (IOException e) {
            forceClose(e);
            return;
        }
        flow.flushed(writeBuffer.size());
        if (writeBuffer.isEmpty()) {
            loop.removeWriter(channel);
            if (closing) {
                connectionLost(null);
            } else if (eofWritten) {
                shutdownOutput();
            }
        }
    }

    private void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            forceClose(e);
        }
    }

    // ------------------------------------------------------------------ closing

    /** Graceful close: stop reading, flush what is buffered, then close the socket. */
    void close() {
        closeRequested = true;
        if (closing) {
            return;
        }
        closing = true;
        loop.removeReader(channel);
        if (writeBuffer.isEmpty()) {
            lossScheduled = true;
            loop.callSoon(() -> connectionLost(null));
        }
    }

    /** Closes at once, dropping buffered writes; {@code cause} is null for a deliberate abort. */
    void forceClose(Throwable cause) {
        if (lossScheduled) {
            return;
        }
        lossScheduled = true;
        writeBuffer.clear();
        loop.removeWriter(channel);
        closing = true;
        loop.removeReader(channel);
        loop.callSoon(() -> connectionLost(cause));
    }

    private void connectionLost(Throwable cause) {
        if (lost) {
            return;
        }
        lossScheduled = true;
        lost = true;
        lossCause = cause;
        try {
            if (cause == null) {
                reader.feedEof();
            } else {
                reader.setFailure(cause);
            }
            flow.connectionLost(cause);
        } finally {
            loop.removeReader(channel);
            loop.removeWriter(channel);
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing a socket that already failed: nothing more to report.
            }
            closed.setResult(null);
            if (onLost != null) {
                onLost.run();
            }
        }
    }
}
