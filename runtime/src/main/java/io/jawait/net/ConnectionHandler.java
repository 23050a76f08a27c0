package io.jawait.net;

import io.jawait.Coroutine;

/**
 * What a {@link Server} runs for each accepted connection (asyncio's {@code client_connected_cb}),
 * usually a method reference to an {@code @Async} method.
 */
@FunctionalInterface
public interface ConnectionHandler {
    /**
     * Serves one connection. The returned coroutine runs as its own task; when it finishes (in
     * any way) the connection is closed, after flushing what was written. A failure is reported
     * through the loop's exception handler and affects only this connection.
     *
     * @param reader the connection's reading half
     * @param writer the connection's writing half
     * @return the coroutine serving the connection
     * @throws Exception if the handler cannot even start; reported like a failure
     */
    Coroutine<Void> handle(StreamReader reader, StreamWriter writer) throws Exception;
}
