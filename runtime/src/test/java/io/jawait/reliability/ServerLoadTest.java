package io.jawait.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.testing.Script;
import io.jawait.Asyncio;
import io.jawait.EventLoop;
import io.jawait.Task;
import io.jawait.net.Server;
import io.jawait.net.Streams;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The streams echo server ({@link Streams#startServer}, {@link EchoHandler}) on a real loop under
 * 1,000 concurrent loopback connections. Plain blocking sockets on the test thread are the clients:
 * all connect first, then each round every live client sends a random message before any reads
 * its echo, so all connections have data in flight at once. Each round some clients go away
 * abruptly: closed with an unread echo pending, reset ({@code SO_LINGER 0}), or reset in the middle
 * of a message. Checked: every survivor gets exactly its bytes back in order (and then end-of-stream
 * after its own graceful close); afterwards the loop has no live task, nothing unexpected reached
 * the exception handler, and (on Linux) the process has no more open file descriptors than before.
 * Nothing is asserted about time; socket timeouts only keep a broken build from hanging.
 *
 * <p>Sizes are system properties; a soak run, from the repository root:
 * <pre>
 * mvn -B -pl runtime -am test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=io.jawait.reliability.ServerLoadTest -Djawait.load.connections=5000 -Djawait.load.rounds=200
 * </pre>
 * (more than about 9,000 connections needs a larger {@code ulimit -n}).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerLoadTest {
    static final int CONNECTIONS = Integer.getInteger("jawait.load.connections", 1_000);
    static final int ROUNDS = Integer.getInteger("jawait.load.rounds", 20);
    static final int MAX_MESSAGE = 2_000;
    /** About this fraction of the clients goes away abruptly over the whole run. */
    static final double CASUALTIES = 0.3;
    static final int SOCKET_TIMEOUT_MS = 60_000;
    static final File FD_DIR = new File("/proc/self/fd");

    /** A client socket and what it expects back. */
    private static final class Client {
        final int id;
        final Socket socket;
        final InputStream in;
        final Random random;
        boolean alive = true;

        Client(int id, Socket socket) throws IOException {
            this.id = id;
            this.socket = socket;
            this.in = socket.getInputStream();
            this.random = new Random(id);
        }
    }

    @Test
    void survivorsGetEveryByteBackInOrderAndNothingLeaks() throws Exception {
        int fdsBefore = openFileDescriptors();
        AtomicLong echoed = new AtomicLong();
        AtomicLong aborted = new AtomicLong();
        List<Map<String, Object>> reports = new CopyOnWriteArrayList<>();
        EventLoop loop = EventLoop.create();
        loop.setExceptionHandler((l, context) -> reports.add(context));
        Thread loopThread = new Thread(loop::runForever, "server-loop");
        loopThread.start();
        List<Client> clients = new ArrayList<>();
        long survivorBytes = 0;
        int survivors;
        Set<Task<?>> live = new HashSet<>();
        try {
            Server server = onLoop(loop, Script.of().await(
                    () -> Streams.startServer(EchoHandler.counting(echoed, aborted), "127.0.0.1", 0)));
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s = new Socket();
                s.setSoTimeout(SOCKET_TIMEOUT_MS);
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), SOCKET_TIMEOUT_MS);
                clients.add(new Client(i, s));
            }
            Random chaos = new Random(8);
            for (int round = 0; round < ROUNDS; round++) {
                List<byte[]> sent = new ArrayList<>();
                for (Client c : clients) {
                    sent.add(c.alive ? sendOrDisconnect(c, chaos) : null);
                }
                for (Client c : clients) {
                    byte[] message = sent.get(c.id);
                    if (c.alive && message != null) {
                        byte[] echo = c.in.readNBytes(message.length);
                        assertArrayEquals(message, echo, "client " + c.id + ", round " + round);
                        survivorBytes += message.length;
                    }
                }
            }
            survivors = 0;
            for (Client c : clients) {
                if (c.alive) {
                    survivors++;
                    c.socket.shutdownOutput();
                    assertEquals(-1, c.in.read(), "client " + c.id + " got bytes nobody sent");
                    c.socket.close();
                }
            }
            onLoop(loop, Script.of().await(server::closeAsync));
            onLoop(loop, Script.of().await(() -> Asyncio.sleep(0)).run(() -> {
                live.addAll(Asyncio.allTasks());
                live.remove(Asyncio.currentTask());
            }));
        } finally {
            for (Client c : clients) {
                c.socket.close();
            }
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join();
            loop.close();
        }

        assertEquals(Set.of(), live, "tasks left on the loop after the server closed");
        assertEquals(List.of(), reports, "unexpected reports to the exception handler");
        int gone = CONNECTIONS - survivors;
        assertTrue(survivors > CONNECTIONS / 2 && gone > CONNECTIONS / 10,
                "the chaos must leave both survivors and casualties: " + survivors + " survived");
        assertTrue(echoed.get() >= survivorBytes, "echoed " + echoed.get() + " < " + survivorBytes);
        if (fdsBefore >= 0) {
            int fdsAfter = openFileDescriptors();
            assertTrue(fdsAfter <= fdsBefore + 16, "file descriptors: " + fdsBefore + " before, " + fdsAfter + " after");
        }
    }

    /**
     * Sends this round's message, or sometimes ends the client abruptly: returns the message to
     * expect back, or null if the client is gone.
     */
    private static byte[] sendOrDisconnect(Client c, Random chaos) throws IOException {
        byte[] message = new byte[1 + c.random.nextInt(MAX_MESSAGE)];
        c.random.nextBytes(message);
        if (chaos.nextDouble() >= CASUALTIES / ROUNDS) {
            c.socket.getOutputStream().write(message);
            return message;
        }
        switch (chaos.nextInt(3)) {
            case 0 -> c.socket.getOutputStream().write(message); // close with the echo unread
            case 1 -> c.socket.setSoLinger(true, 0); // reset: RST instead of FIN
            default -> {
                c.socket.getOutputStream().write(message, 0, message.length / 2);
                c.socket.setSoLinger(true, 0); // reset in the middle of a message
            }
        }
        c.socket.close();
        c.alive = false;
        return null;
    }

    /** Runs {@code body} as a task on the loop's thread and waits for its value. */
    @SuppressWarnings("unchecked")
    private static <T> T onLoop(EventLoop loop, Script body) throws Exception {
        CompletableFuture<Object> cf = Asyncio.runCoroutineThreadsafe(body, loop);
        return (T) cf.get(SOCKET_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** @return the number of open file descriptors of this process, or -1 where /proc is missing */
    private static int openFileDescriptors() {
        String[] fds = FD_DIR.list();
        return fds == null ? -1 : fds.length;
    }
}
