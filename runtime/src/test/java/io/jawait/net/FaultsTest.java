package io.jawait.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.Asyncio;
import io.jawait.Future;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Peers that reset or vanish, end-of-stream in the middle of a read: each surfaces as an
 * exception at the await of the coroutine that was using the connection.
 */
class FaultsTest extends LoopTest {

    @Test
    void aPeerThatResetsMidReadSurfacesAsIOExceptionInTheHandler() throws Exception {
        Future<Void> started = loop.createFuture();
        List<Throwable> seen = new ArrayList<>();
        Future<Void> handled = loop.createFuture();
        Server server = serve((r, w) -> {
            started.setResult(null);
            return Chain.await(() -> r.readExactly(100)).failure().then(e -> {
                seen.add(e);
                return Chain.await(w::drain).failure();
            }).then(e -> {
                seen.add(e);
                return Chain.await(w::waitClosed).failure();
            }).map(e -> {
                seen.add(e);
                assertTrue(w.isClosing());
                handled.setResult(null);
                return null;
            });
        });
        SocketChannel peer = rawClient(server.port());
        peer.write(ByteBuffer.wrap(pattern(0, 10)));
        run(started);
        run(Asyncio.sleep(1)); // the handler has read the 10 bytes and waits for 90 more
        reset(peer);
        run(handled);
        Throwable readFailure = seen.get(0);
        assertInstanceOf(IOException.class, readFailure);
        assertFalse(readFailure instanceof EOFException, "a reset is not an orderly end-of-stream: " + readFailure);
        assertEquals(readFailure, seen.get(1), "drain() raises the reader's failure");
        assertEquals(readFailure, seen.get(2), "waitClosed() raises the failure the connection ended with");
        run(server.closeAsync());
    }

    @Test
    void aPeerThatVanishesMidWriteSurfacesAsIOExceptionAtDrain() throws Exception {
        Future<Void> started = loop.createFuture();
        Future<Throwable> seen = loop.createFuture();
        long[] sent = {0};
        Server server = serve((r, w) -> {
            started.setResult(null);
            return Chain.loopWhile(() -> {
                w.write(pattern(sent[0], 64 * 1024));
                sent[0] += 64 * 1024;
                return Chain.await(w::drain).map(v -> true);
            }).failure().map(e -> {
                seen.setResult(e);
                return null;
            });
        });
        SocketChannel peer = rawClient(server.port());
        run(started);
        run(Asyncio.sleep(1)); // the writer fills the socket and waits in drain()
        assertFalse(seen.isDone(), "the handler is suspended in drain(), not failing or spinning");
        reset(peer);
        assertInstanceOf(IOException.class, run(seen));
        assertTrue(sent[0] > 0);
        run(server.closeAsync());
    }

    @Test
    void endOfStreamInTheMiddleOfReadExactly() {
        Server server = serve((r, w) -> {
            w.write(bytes("abc"));
            return w.drain(); // the connection closes when the handler ends
        });
        Throwable e = run(Chain.await(() -> Streams.openConnection(HOST, server.port()))
                .then(c -> Chain.await(() -> c.reader().readExactly(10)).failure().andFinally(c::close)));
        IncompleteReadException incomplete = assertInstanceOf(IncompleteReadException.class, e);
        assertEquals("abc", text(incomplete.partial()));
        assertEquals(10, incomplete.expected());
        run(server.closeAsync());
    }

    @Test
    void aServerThatResetsTheClientSurfacesAtTheClientsRead() throws Exception {
        try (ServerSocketChannel rawServer = ServerSocketChannel.open()) {
            rawServer.bind(new InetSocketAddress(HOST, 0));
            int port = ((InetSocketAddress) rawServer.getLocalAddress()).getPort();
            Connection c = run(Streams.openConnection(HOST, port));
            Future<Throwable> seen = loop.createFuture();
            loop.createTask(Chain.await(c.reader()::readLine).failure().map(e -> {
                seen.setResult(e);
                return null;
            }));
            run(Asyncio.sleep(1)); // the client now waits for a line
            try (SocketChannel accepted = rawServer.accept()) {
                reset(accepted);
            }
            Throwable e = run(seen);
            assertInstanceOf(IOException.class, e);
            assertFalse(e instanceof EOFException, e.toString());
            assertInstanceOf(IOException.class, run(Chain.await(c.writer()::waitClosed).failure()));
        }
    }

    @Test
    void writesAfterTheConnectionIsLostAreReportedByDrain() throws Exception {
        try (ServerSocketChannel rawServer = ServerSocketChannel.open()) {
            rawServer.bind(new InetSocketAddress(HOST, 0));
            int port = ((InetSocketAddress) rawServer.getLocalAddress()).getPort();
            Connection c = run(Streams.openConnection(HOST, port));
            try (SocketChannel accepted = rawServer.accept()) {
                reset(accepted);
            }
            run(Chain.await(() -> c.reader().read(1)).failure()); // the loss is noticed by the reader
            c.writer().write(bytes("into the void"));
            assertInstanceOf(IOException.class, run(Chain.await(c.writer()::drain).failure()));
        }
    }
}
