package io.jawait.bench.echo;

/** A W6 echo server on 127.0.0.1: every byte a client sends comes back to it. */
public interface EchoServer {
    /**
     * Starts serving on a free loopback port.
     *
     * @return the port
     * @throws Exception if the server cannot start
     */
    int start() throws Exception;

    /**
     * Stops serving and releases the server's threads.
     *
     * @throws Exception if stopping fails
     */
    void stop() throws Exception;
}
