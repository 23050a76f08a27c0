package io.jawait.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.AsyncIterator;
import io.jawait.CancelledException;
import io.jawait.Task;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Client and server streams over loopback: the normal paths and the writer's rules. */
class StreamsTest extends LoopTest {

    /** Reads one line and answers it in upper case. */
    static final ConnectionHandler UPPER = (r, w) -> Chain.await(r::readLine).then(line -> {
        w.write(bytes(text(line).toUpperCase()));
        return w.drain();
    });

    @Test
    void clientAndServerExchangeALine() {
        Server server = serve(UPPER);
        assertTrue(server.port() > 0, "port 0 picks a free port");
        assertEquals(server.port(), ((InetSocketAddress) server.localAddress()).getPort());
        assertTrue(server.isServing());
        List<String> got = new ArrayList<>();
        run(Chain.await(() -> Streams.openConnection(HOST, server.port())).then(c -> {
            InetSocketAddress peer = (InetSocketAddress) c.writer().remoteAddress();
            assertEquals(server.port(), peer.getPort());
            c.writer().write(bytes("hello\n"));
            return Chain.await(c.writer()::drain)
                    .then(v -> c.reader().readLine())
                    .map(line -> got.add(text(line)))
                    .then(v -> c.reader().read(-1)) // the server closes once its handler is done
                    .map(rest -> got.add("rest=" + rest.length + " eof=" + c.reader().atEof()))
                    .then(v -> c.closeAsync());
        }));
        assertEquals(List.of("HELLO\n", "rest=0 eof=true"), got);
        run(server.closeAsync());
        assertFalse(server.isServing());
    }

    @Test
    void halfCloseLetsThePeerReadToEndOfStreamAndStillAnswer() {
        ConnectionHandler countThenAnswer = (r, w) -> Chain.await(() -> r.read(-1)).then(all -> {
            w.write(bytes("got " + all.length));
            return w.drain();
        });
        Server server = serve(countThenAnswer);
        String answer = text(run(Chain.await(() -> Streams.openConnection(HOST, server.port())).then(c -> {
            assertTrue(c.writer().canWriteEof());
            c.writer().write(bytes("abc"));
            c.writer().writeEof();
            assertThrows(IllegalStateException.class, () -> c.writer().write(bytes("late")));
            return Chain.await(() -> c.reader().read(-1)).andFinally(c::close);
        })));
        assertEquals("got 3", answer);
        run(server.closeAsync());
    }

    @Test
    void serverSideHalfCloseThenReadTheAnswer() {
        List<String> serverGot = new ArrayList<>();
        ConnectionHandler askThenListen = (r, w) -> {
            w.write(bytes("question"));
            w.writeEof();
            return Chain.await(() -> r.readLine()).map(l -> serverGot.add(text(l))).map(v -> null);
        };
        Server server = serve(askThenListen);
        String question = text(run(Chain.await(() -> Streams.openConnection(HOST, server.port())).then(c ->
                Chain.await(() -> c.reader().read(-1)).then(q -> {
                    c.writer().write(bytes("answer\n"));
                    return Chain.await(c.writer()::drain).then(v -> c.closeAsync()).map(v -> q);
                }))));
        run(server.closeAsync());
        assertEquals("question", question);
        assertEquals(List.of("answer\n"), serverGot);
    }

    @Test
    void closeFlushesEverythingWrittenBeforeIt() {
        int size = 4 * 1024 * 1024;
        ConnectionHandler dumpAndClose = (r, w) -> {
            w.write(pattern(0, size));
            assertTrue(w.writeBufferSize() > 0, "4 MiB cannot all fit in the socket at once");
            w.close();
            return w.waitClosed();
        };
        Server server = serve(dumpAndClose);
        byte[] all = run(Chain.await(() -> Streams.openConnection(HOST, server.port()))
                .then(c -> Chain.await(() -> c.reader().read(-1)).andFinally(c::close)));
        assertEquals(size, all.length);
        assertTrue(isPattern(all, 0), "bytes arrive in order, unchanged");
        run(server.closeAsync());
    }

    @Test
    void writerRulesAfterClose() {
        Server server = serve((r, w) -> Chain.await(() -> r.read(-1)).map(v -> null));
        Throwable drainAfterClose = run(Chain.await(() -> Streams.openConnection(HOST, server.port())).then(c -> {
            StreamWriter w = c.writer();
            assertFalse(w.isClosing());
            w.close();
            w.close(); // idempotent
            assertTrue(w.isClosing());
            assertThrows(IllegalStateException.class, () -> w.write(bytes("x")));
            return Chain.await(w::waitClosed).then(v -> w.drain()).failure();
        }));
        assertInstanceOf(SocketException.class, drainAfterClose);
        assertEquals("Connection lost", drainAfterClose.getMessage());
        run(server.closeAsync());
    }

    @Test
    void writeBufferLimitsAreValidated() {
        Server server = serve((r, w) -> {
            assertThrows(IllegalArgumentException.class, () -> w.setWriteBufferLimits(10, 20));
            assertThrows(IllegalArgumentException.class, () -> w.setWriteBufferLimits(10, -1));
            w.setWriteBufferLimits(1024, 0);
            w.write(bytes("ok"));
            return w.drain();
        });
        assertEquals("ok", text(run(Chain.await(() -> Streams.openConnection(HOST, server.port()))
                .then(c -> Chain.await(() -> c.reader().read(-1)).andFinally(c::close)))));
        run(server.closeAsync());
    }

    @Test
    void connectionRefusedSurfacesAtTheAwait() throws Exception {
        int port = unusedPort();
        Throwable e = run(Chain.await(() -> Streams.openConnection(HOST, port)).failure());
        assertInstanceOf(ConnectException.class, e);
    }

    @Test
    void cancellingAPendingConnectCancelsTheAwait() throws Exception {
        try (ServerSocketChannel listening = ServerSocketChannel.open()) {
            listening.bind(new InetSocketAddress(HOST, 0));
            int port = ((InetSocketAddress) listening.getLocalAddress()).getPort();
            Task<Connection> connecting = loop.createTask(Streams.openConnection(HOST, port));
            loop.callSoon(() -> connecting.cancel("changed my mind")); // runs right after its first step
            CancelledException e = assertThrows(CancelledException.class, () -> run(connecting));
            assertEquals("changed my mind", e.getMessage());
            Connection next = run(Streams.openConnection(HOST, port));
            assertFalse(next.writer().isClosing(), "the loop is still usable for connecting");
            run(next.closeAsync());
        }
    }

    @Test
    void hostNamesAreResolvedOffTheLoop() {
        Server server = run(Streams.startServer(UPPER, "localhost", 0));
        String reply = text(run(Chain.await(() -> Streams.openConnection("localhost", server.port())).then(c -> {
            c.writer().write(bytes("name\n"));
            return Chain.await(c.reader()::readLine).andFinally(c::close);
        })));
        assertEquals("NAME\n", reply);
        run(server.closeAsync());
    }

    @Test
    void misuseIsRejectedEagerly() {
        assertThrows(IllegalArgumentException.class, () -> Streams.openConnection(HOST, 70000));
        assertThrows(IllegalArgumentException.class, () -> Streams.openConnection(HOST, 80, 0));
        assertThrows(NullPointerException.class, () -> Streams.openConnection(null, 80));
        assertThrows(NullPointerException.class, () -> Streams.startServer(null, HOST, 0));
        assertThrows(IllegalArgumentException.class, () -> Streams.startServer(UPPER, HOST, -1));
    }

    @Test
    void readerIteratesOverTheLinesOfASocket() {
        Server server = serve((r, w) -> {
            w.write(bytes("alpha\nbeta\ngamma"));
            return w.drain();
        });
        List<String> lines = new ArrayList<>();
        run(Chain.await(() -> Streams.openConnection(HOST, server.port())).then(c -> {
            AsyncIterator<byte[]> it = c.reader().asyncIterator();
            return Chain.loopWhile(() -> Chain.await(it::hasNext).map(has -> {
                if (has) {
                    lines.add(text(it.next()));
                }
                return has;
            })).then(v -> c.closeAsync());
        }));
        assertEquals(List.of("alpha\n", "beta\n", "gamma"), lines);
        run(server.closeAsync());
    }

    @Test
    void connectionCloseAsyncWaitsUntilTheSocketIsClosed() {
        Server server = serve((r, w) -> Chain.await(() -> r.read(-1)).map(v -> null));
        Connection c = run(Streams.openConnection(HOST, server.port()));
        assertNotNull(c.toString());
        run(c.closeAsync());
        assertTrue(c.writer().isClosing());
        assertTrue(c.reader().atEof(), "closing ends the reader too");
        run(server.closeAsync());
    }
}
