package io.jawait.net;

import io.jawait.AsyncCloseable;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import io.jawait.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A listening TCP server made by {@link Streams#startServer(ConnectionHandler, String, int)}
 * (asyncio's {@code Server}): it accepts connections as soon as it exists and runs the handler for
 * each as its own task.
 *
 * <p>{@link #close()} stops accepting and cancels the running handlers (their {@code finally}
 * blocks run; each connection is closed after its handler ends); {@link #waitClosed()} waits
 * until all of that is over. As an {@link AsyncCloseable}, a try-with-resources in an
 * {@code @Async} method does both. Use a server only on its loop's thread.
 */
public final class Server implements AsyncCloseable {
    private final EventLoop loop;
    private final ServerSocketChannel channel;
    private final SocketAddress localAddress;
    private final Acceptor acceptor;
    private final Set<ServedConnection> connections = new LinkedHashSet<>();
    private final Future<Void> closed;
    private Future<Void> serveForever;
    private boolean closing;

    Server(EventLoop loop, ServerSocketChannel channel, ConnectionHandler handler, int limit) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.localAddress = channel.getLocalAddress();
        this.closed = loop.createFuture();
        this.acceptor = new Acceptor(this, loop, channel, handler, limit);
        acceptor.start();
    }

    /** @return the port the server listens on (the one chosen when started with port 0) */
    public int port() {
        return ((InetSocketAddress) localAddress).getPort();
    }

    /** @return the address the server listens on */
    public SocketAddress localAddress() {
        return localAddress;
    }

    /** @return whether the server accepts connections (it has not been closed) */
    public boolean isServing() {
        return !closing;
    }

    /**
     * Stops accepting, closes the listening socket and cancels every running handler (a handler
     * that calls {@code close()} cancels itself too: its next await throws); a pending
     * {@link #serveForever()} is cancelled. Idempotent; returns at once.
     */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        acceptor.stop();
        for (ServedConnection c : new ArrayList<>(connections)) {
            c.cancel();
        }
        if (serveForever != null) {
            serveForever.cancel();
        }
        closeIfIdle();
    }

    /**
     * Waits until the server is closed: {@link #close()} was called, every handler has finished
     * and every connection is closed.
     *
     * @return a coroutine completing then
     */
    public Coroutine<Void> waitClosed() {
        return new AwaitFuture(closed, null, "Server.waitClosed()");
    }

    /**
     * Serves until cancelled: then closes the server, waits until it is closed and rethrows the
     * cancellation. As in asyncio, {@link #close()} cancels it, so its awaiter sees a
     * {@link io.jawait.CancelledException}.
     *
     * @return a coroutine that never completes normally
     * @throws IllegalStateException (at the await) if the server is closed or another
     *     {@code serveForever()} is running
     */
    public Coroutine<Void> serveForever() {
        return new ServeForever(this);
    }

    /**
     * {@link #close()} and {@link #waitClosed()}.
     *
     * @return a coroutine completing when the server is closed
     */
    @Override
    public Coroutine<Void> closeAsync() {
        close();
        return waitClosed();
    }

    @Override
    public String toString() {
        return "Server[" + localAddress + (closing ? ", closed" : "") + ", " + connections.size() + " connections]";
    }

    // ------------------------------------------------------------------ bookkeeping

    Future<Void> beginServeForever() {
        if (serveForever != null) {
            throw new IllegalStateException("server " + this + " is already being awaited on serveForever()");
        }
        if (closing) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        serveForever = loop.createFuture();
        return serveForever;
    }

    void endServeForever() {
        serveForever = null;
    }

    void connectionStarted(ServedConnection c) {
        connections.add(c);
    }

    void connectionFinished(ServedConnection c) {
        connections.remove(c);
        closeIfIdle();
    }

    private void closeIfIdle() {
        if (closing && connections.isEmpty() && !closed.isDone()) {
            closed.setResult(null);
        }
    }
}
