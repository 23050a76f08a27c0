package io.jawait.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jawait.Awaitable;
import io.jawait.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/**
 * Base of the socket tests: a virtual-time loop on loopback whose exception-handler reports are
 * collected; a test that expects reports checks and clears them, any other report fails it.
 * The timeout only turns a hang into a failure; no assertion depends on wall-clock time.
 */
@Timeout(120)
abstract class LoopTest {
    static final String HOST = "127.0.0.1";

    final EventLoop loop = EventLoop.createVirtual();
    final List<Map<String, Object>> reports = new ArrayList<>();

    LoopTest() {
        loop.setExceptionHandler((l, context) -> reports.add(context));
    }

    @AfterEach
    void closeLoopAndCheckReports() {
        loop.close();
        assertEquals(List.of(), reports, "unexpected exception-handler reports");
    }

    <T> T run(Awaitable<T> awaitable) {
        return loop.runUntilComplete(awaitable);
    }

    Server serve(ConnectionHandler handler) {
        return run(Streams.startServer(handler, HOST, 0));
    }

    static byte[] bytes(String s) {
        return s.getBytes(US_ASCII);
    }

    static String text(byte[] b) {
        return new String(b, US_ASCII);
    }

    /** Bytes {@code offset .. offset+n-1} of an endless recognisable sequence. */
    static byte[] pattern(long offset, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ((offset + i) % 251);
        }
        return b;
    }

    /** @return whether {@code b[0..n)} are bytes {@code offset..} of {@link #pattern} */
    static boolean isPattern(byte[] b, long offset) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] != (byte) ((offset + i) % 251)) {
                return false;
            }
        }
        return true;
    }

    /** A loopback port nothing listens on (bound once, then released). */
    static int unusedPort() throws IOException {
        try (ServerSocketChannel s = ServerSocketChannel.open()) {
            s.bind(new InetSocketAddress(HOST, 0));
            return ((InetSocketAddress) s.getLocalAddress()).getPort();
        }
    }

    /** A plain blocking client socket; connecting to a listening loopback port does not wait for accept. */
    static SocketChannel rawClient(int port) throws IOException {
        return SocketChannel.open(new InetSocketAddress(HOST, port));
    }

    /** Closes {@code ch} with a TCP reset instead of an orderly FIN: the peer "vanishes". */
    static void reset(SocketChannel ch) throws IOException {
        ch.setOption(StandardSocketOptions.SO_LINGER, 0);
        ch.close();
    }
}
