/**
 * TCP streams on the event loop, as asyncio's streams: {@link io.jawait.net.Streams} opens
 * connections and starts servers; a {@link io.jawait.net.StreamReader} and a
 * {@link io.jawait.net.StreamWriter} are the two halves of a connection.
 *
 * <p>Everything here is used from the loop's thread. Reads and {@code drain()} are coroutines;
 * failures of the socket (a reset, a vanished peer) are thrown as {@link java.io.IOException} at
 * the await of the coroutine using the connection. Flow control works both ways: a reader stops
 * reading from its socket while its buffer is over its limit, and {@code drain()} suspends a
 * writer while its buffer is over the high-water mark.
 */
package io.jawait.net;
