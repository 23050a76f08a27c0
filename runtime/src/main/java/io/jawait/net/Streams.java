package io.jawait.net;

import io.jawait.Coroutine;
import java.util.Objects;

/**
 * TCP streams on the event loop (asyncio's {@code open_connection} and {@code start_server}).
 *
 * <p>A client connects with {@link #openConnection(String, int)} and gets a {@link Connection}:
 * a {@link StreamReader} and a {@link StreamWriter}. A server made by
 * {@link #startServer(ConnectionHandler, String, int)} runs its handler once per accepted
 * connection, each in its own task. Host names other than IP literals are resolved on the loop's
 * default executor, so the loop never blocks on DNS.
 */
public final class Streams {
    /** The default reader buffer limit, 64 KiB (asyncio's {@code _DEFAULT_LIMIT}). */
    public static final int DEFAULT_LIMIT = 64 * 1024;

    private Streams() {
    }

    /**
     * Connects to {@code host:port} without blocking the loop.
     *
     * @param host a host name or IP literal
     * @param port the port
     * @return a coroutine producing the connection; a refused connection throws
     *     {@link java.net.ConnectException} at the await, an unknown host
     *     {@link java.net.UnknownHostException}
     */
    public static Coroutine<Connection> openConnection(String host, int port) {
        return openConnection(host, port, DEFAULT_LIMIT);
    }

    /**
     * {@link #openConnection(String, int)} with a reader buffer limit.
     *
     * @param host a host name or IP literal
     * @param port the port
     * @param limit the reader's buffer limit in bytes (see {@link StreamReader})
     * @return a coroutine producing the connection
     * @throws IllegalArgumentException for a port outside 0..65535 or a non-positive limit
     */
    public static Coroutine<Connection> openConnection(String host, int port, int limit) {
        Objects.requireNonNull(host, "host");
        checkPort(port);
        checkLimit(limit);
        return new Connect(host, port, limit);
    }

    /**
     * Starts a server listening on {@code host:port}; it accepts at once.
     *
     * @param handler run for each connection as its own task
     * @param host the address to listen on, or {@code null} for every interface
     * @param port the port, or {@code 0} for a free one (see {@link Server#port()})
     * @return a coroutine producing the serving server; a port in use throws
     *     {@link java.net.BindException} at the await
     */
    public static Coroutine<Server> startServer(ConnectionHandler handler, String host, int port) {
        return startServer(handler, host, port, DEFAULT_LIMIT);
    }

    /**
     * {@link #startServer(ConnectionHandler, String, int)} with a reader buffer limit for the
     * accepted connections.
     *
     * @param handler run for each connection as its own task
     * @param host the address to listen on, or {@code null} for every interface
     * @param port the port, or {@code 0} for a free one
     * @param limit each reader's buffer limit in bytes
     * @return a coroutine producing the serving server
     * @throws IllegalArgumentException for a port outside 0..65535 or a non-positive limit
     */
    public static Coroutine<Server> startServer(ConnectionHandler handler, String host, int port, int limit) {
        Objects.requireNonNull(handler, "handler");
        checkPort(port);
        checkLimit(limit);
        return new StartServer(handler, host, port, limit);
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
    }

    private static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }
}
