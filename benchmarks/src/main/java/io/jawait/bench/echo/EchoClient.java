package io.jawait.bench.echo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeoutException;

/**
 * The W6 load: {@code clients} loopback connections driven by one NIO thread, each sending a
 * message, waiting for all of its bytes to come back, and sending the next (request-response).
 * The same client measures every server, so the ratios compare the servers.
 */
public final class EchoClient {
    private EchoClient() {
    }

    /** One connection's progress. */
    private static final class Connection {
        final SocketChannel channel;
        int sent;
        long received;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    /**
     * Runs the load against 127.0.0.1:{@code port}.
     *
     * @return the elapsed nanoseconds from the first message to the last echo
     * @throws TimeoutException if it takes longer than {@code limitNanos}
     */
    public static long run(int port, int clients, int messages, int size, long limitNanos)
            throws IOException, TimeoutException {
        ByteBuffer payload = ByteBuffer.allocateDirect(size);
        for (int i = 0; i < size; i++) {
            payload.put((byte) ('a' + i % 26));
        }
        ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        try (Selector selector = Selector.open()) {
            Connection[] connections = new Connection[clients];
            for (int i = 0; i < clients; i++) {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.configureBlocking(false);
                connections[i] = new Connection(ch);
                ch.register(selector, SelectionKey.OP_READ, connections[i]);
            }
            long start = System.nanoTime();
            long deadline = start + limitNanos;
            for (Connection c : connections) {
                send(c, payload);
            }
            int finished = 0;
            while (finished < clients) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(finished + " of " + clients + " clients done after "
                            + limitNanos / 1_000_000_000 + " s");
                }
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection c = (Connection) key.attachment();
                    in.clear();
                    int n = c.channel.read(in);
                    if (n < 0) {
                        throw new IOException("server closed a connection after " + c.received + " bytes");
                    }
                    c.received += n;
                    if (c.received == (long) c.sent * size) {
                        if (c.sent == messages) {
                            finished++;
                            key.cancel();
                            c.channel.close();
                        } else {
                            send(c, payload);
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
            return System.nanoTime() - start;
        }
    }

    private static void send(Connection c, ByteBuffer payload) throws IOException {
        ByteBuffer b = payload.duplicate();
        b.flip();
        while (b.hasRemaining()) {
            c.channel.write(b); // 32 bytes into an empty socket buffer: never partial in practice
        }
        c.sent++;
    }
}
