package io.jawait.net;

import io.jawait.Asyncio;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import io.jawait.Future;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * The coroutine behind {@link Streams#openConnection(String, int, int)}: resolve the host, then
 * try its addresses in order with a non-blocking connect on the loop's selector. If all fail,
 * the first failure is thrown (for example {@link java.net.ConnectException}) with the others
 * suppressed.
 */
final class Connect extends Coroutine<Connection> {
    private final String host;
    private final int port;
    private final int limit;
    private EventLoop loop;
    private InetAddress[] addresses;
    private int next;
    private SocketChannel channel;
    private IOException firstFailure;

    Connect(String host, int port, int limit) {
        this.host = host;
        this.port = port;
        this.limit = limit;
    }

    @Override
    @SuppressWarnings("fallthrough") // a state machine resumes by falling into the next case
    protected void step() throws Throwable {
        for (;;) {
            switch (state) {
                case 0:
                    loop = Asyncio.getRunningLoop();
                    state = 1;
                    if (awaits(Addresses.resolve(loop, host))) {
                        return;
                    }
                    // fall through
                case 1:
                    addresses = awaited();
                    state = 2;
                    // fall through
                case 2:
                    if (next == addresses.length) {
                        throw firstFailure != null ? firstFailure : new java.net.UnknownHostException(host);
                    }
                    Future<Void> writable = startConnect(addresses[next++]);
                    if (writable == null) {
                        break; // failed at once: try the next address
                    }
                    if (channel.isConnected()) {
                        if (connected()) {
                            return;
                        }
                        break;
                    }
                    state = 3;
                    if (awaits(writable)) {
                        return;
                    }
                    // fall through
                case 3:
                    try {
                        awaited();
                    } catch (Throwable cancelled) {
                        loop.removeWriter(channel);
                        closeQuietly(channel);
                        throw cancelled;
                    }
                    loop.removeWriter(channel);
                    if (connected()) {
                        return;
                    }
                    state = 2;
                    break;
                default:
                    throw new IllegalStateException("bad state " + state);
            }
        }
    }

    /** Finishes the connect and completes with the connection; on failure moves to the next address. */
    private boolean connected() {
        try {
            channel.finishConnect();
            complete(Connection.start(loop, channel, limit, null));
            return true;
        } catch (IOException e) {
            failed(e);
            return false;
        }
    }

    /** @return a future completed when the connect finished, or null if it failed at once */
    private Future<Void> startConnect(InetAddress address) {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            Future<Void> writable = loop.createFuture();
            if (!channel.connect(new InetSocketAddress(address, port))) {
                loop.addWriter(channel, () -> {
                    if (!writable.isDone()) {
                        writable.setResult(null);
                    }
                });
            }
            return writable;
        } catch (IOException e) {
            failed(e);
            return null;
        }
    }

    private void failed(IOException e) {
        closeQuietly(channel);
        channel = null;
        if (firstFailure == null) {
            firstFailure = e;
        } else {
            firstFailure.addSuppressed(e);
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // Giving up on this socket anyway.
            }
        }
    }

    @Override
    public String toString() {
        return "Streams.openConnection(" + host + ", " + port + ")";
    }
}
