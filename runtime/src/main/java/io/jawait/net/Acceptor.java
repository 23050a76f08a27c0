package io.jawait.net;

import io.jawait.EventLoop;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * A server's accept loop: on each readiness event accepts up to {@link #BACKLOG} pending
 * connections and hands each to {@link ServedConnection}. An accept failure (for example too many
 * open files) is reported and accepting pauses for a second, as asyncio does, instead of spinning.
 */
final class Acceptor {
    static final int BACKLOG = 100;
    private static final double RETRY_DELAY = 1.0;

    private final Server server;
    private final EventLoop loop;
    private final ServerSocketChannel channel;
    private final ConnectionHandler handler;
    private final int limit;
    private EventLoop.TimerHandle retry;
    private boolean stopped;

    Acceptor(Server server, EventLoop loop, ServerSocketChannel channel, ConnectionHandler handler, int limit) {
        this.server = server;
        this.loop = loop;
        this.channel = channel;
        this.handler = handler;
        this.limit = limit;
    }

    void start() {
        if (!stopped) {
            retry = null;
            loop.addReader(channel, this::onAcceptable);
        }
    }

    /** Stops accepting and closes the listening socket. */
    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (retry != null) {
            retry.cancel();
        }
        loop.removeReader(channel);
        try {
            channel.close();
        } catch (IOException ignored) {
            // The listening socket is going away either way.
        }
    }

    private void onAcceptable() {
        for (int i = 0; i < BACKLOG && !stopped; i++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                loop.callExceptionHandler(Map.of("message", "Socket accept failed; retrying in " + RETRY_DELAY + " s",
                        "exception", e));
                loop.removeReader(channel);
                retry = loop.callLater(RETRY_DELAY, this::start);
                return;
            }
            if (accepted == null) {
                return;
            }
            ServedConnection.serve(server, loop, accepted, handler, limit);
        }
    }
}
