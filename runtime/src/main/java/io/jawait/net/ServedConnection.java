package io.jawait.net;

import io.jawait.EventLoop;
import io.jawait.Task;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * One accepted connection and the task running its handler. When the task finishes the
 * connection is closed; the server forgets it once both the task is done and the socket closed.
 */
final class ServedConnection {
    private final Server server;
    private Connection connection;
    private Task<Void> task;
    private boolean socketClosed;

    private ServedConnection(Server server) {
        this.server = server;
    }

    /** Starts serving {@code channel}; a failure to set it up is reported and the socket closed. */
    static void serve(Server server, EventLoop loop, SocketChannel channel, ConnectionHandler handler, int limit) {
        ServedConnection served = new ServedConnection(server);
        try {
            served.connection = Connection.start(loop, channel, limit, served::socketClosed);
        } catch (IOException | RuntimeException e) {
            report(loop, "Cannot set up an accepted connection", e, null);
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already reported.
            }
            return;
        }
        server.connectionStarted(served);
        try {
            served.task = loop.createTask(handler.handle(served.connection.reader(), served.connection.writer()),
                    "connection " + served.connection.writer().remoteAddress());
        } catch (Exception e) {
            report(loop, "Connection handler failed to start", e, null);
            served.connection.close();
            return;
        }
        served.task.addDoneCallback(served::handlerDone);
    }

    private void handlerDone(io.jawait.Future<Void> t) {
        if (!t.isCancelled()) {
            Throwable failure = t.exception();
            if (failure != null) {
                report(t.loop(), "Unhandled exception in client connection handler", failure, task);
            }
        }
        connection.close();
        finishIfDone();
    }

    private void socketClosed() {
        socketClosed = true;
        finishIfDone();
    }

    private void finishIfDone() {
        if (socketClosed && (task == null || task.isDone())) {
            server.connectionFinished(this);
        }
    }

    /** Cancels the handler (its {@code finally} blocks run); the connection closes after it. */
    void cancel() {
        if (task != null) {
            task.cancel("server closed");
        } else {
            connection.close();
        }
    }

    private static void report(EventLoop loop, String message, Throwable failure, Task<?> task) {
        Map<String, Object> context = new HashMap<>();
        context.put("message", message);
        context.put("exception", failure);
        if (task != null) {
            context.put("task", task);
        }
        loop.callExceptionHandler(context);
    }
}
