package io.jawait.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.Asyncio;
import io.jawait.CancelledException;
import io.jawait.Coroutine;
import io.jawait.Task;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Server lifecycle: handler failures, close while handlers run, serveForever, waitClosed. */
class ServerTest extends LoopTest {

    /** Echoes lines until end-of-stream; the line "boom" makes it fail. */
    static final ConnectionHandler ECHO_OR_BOOM = (r, w) -> Chain.loopWhile(() -> Chain.await(r::readLine).then(line -> {
        if (text(line).equals("boom\n")) {
            throw new IllegalStateException("boom requested");
        }
        w.write(line);
        return Chain.await(w::drain).map(v -> line.length > 0);
    }));

    /** Sends {@code line} and returns the reply line. */
    static Chain<String> ask(Connection c, String line) {
        c.writer().write(bytes(line));
        return Chain.await(c.reader()::readLine).map(LoopTest::text);
    }

    @Test
    void aFailingHandlerIsReportedAndClosesOnlyItsOwnConnection() {
        Server server = serve(ECHO_OR_BOOM);
        Connection good = run(Streams.openConnection(HOST, server.port()));
        Connection bad = run(Streams.openConnection(HOST, server.port()));
        assertEquals("one\n", run(ask(good, "one\n")));
        bad.writer().write(bytes("boom\n"));
        assertEquals(0, run(bad.reader().read(-1)).length, "the failed handler's connection is closed");
        assertEquals("two\n", run(ask(good, "two\n")), "the other connection is untouched");

        assertEquals(1, reports.size());
        Map<String, Object> report = reports.remove(0);
        assertEquals("Unhandled exception in client connection handler", report.get("message"));
        assertEquals("boom requested", ((Throwable) report.get("exception")).getMessage());
        assertInstanceOf(Task.class, report.get("task"));
        run(good.closeAsync());
        run(bad.closeAsync());
        run(server.closeAsync());
    }

    @Test
    void aHandlerThatCannotStartIsReportedAndItsConnectionClosed() {
        Server server = serve((r, w) -> {
            throw new IllegalArgumentException("no coroutine for you");
        });
        Connection c = run(Streams.openConnection(HOST, server.port()));
        assertEquals(0, run(c.reader().read(-1)).length);
        assertEquals(1, reports.size());
        assertEquals("no coroutine for you", ((Throwable) reports.remove(0).get("exception")).getMessage());
        run(c.closeAsync());
        run(server.closeAsync());
    }

    @Test
    void closeCancelsRunningHandlersRunsTheirFinallyBlocksAndClosesTheirConnections() {
        List<String> log = new ArrayList<>();
        Server server = serve((r, w) -> {
            w.write(bytes("ready\n"));
            return Chain.await(r::readLine).map(v -> (Void) null).andFinally(() -> log.add("finally"));
        });
        Connection a = run(Streams.openConnection(HOST, server.port()));
        Connection b = run(Streams.openConnection(HOST, server.port()));
        assertEquals("ready\n", text(run(a.reader().readLine())));
        assertEquals("ready\n", text(run(b.reader().readLine())));
        server.close();
        assertFalse(server.isServing());
        run(server.waitClosed());
        assertEquals(List.of("finally", "finally"), log);
        assertEquals(0, run(a.reader().read(-1)).length);
        assertEquals(0, run(b.reader().read(-1)).length);
        Throwable refused = run(Chain.await(() -> Streams.openConnection(HOST, server.port())).failure());
        assertInstanceOf(ConnectException.class, refused, "no longer listening");
        run(a.closeAsync());
        run(b.closeAsync());
    }

    @Test
    void closeCancelsServeForeverAsAsyncioDoes() {
        Server server = serve(ECHO_OR_BOOM);
        Task<Void> serving = loop.createTask(server.serveForever());
        Throwable second = run(Chain.await(() -> Asyncio.sleep(0)).then(v -> server.serveForever()).failure());
        assertInstanceOf(IllegalStateException.class, second);
        assertTrue(second.getMessage().contains("already being awaited on serveForever()"), second.getMessage());
        loop.callLater(1, server::close);
        assertThrows(CancelledException.class, () -> run(serving));
        run(server.waitClosed());
        Throwable closed = run(Chain.await(server::serveForever).failure());
        assertInstanceOf(IllegalStateException.class, closed);
        assertTrue(closed.getMessage().contains("is closed"), closed.getMessage());
    }

    @Test
    void cancellingServeForeverClosesTheServer() {
        Server server = serve(ECHO_OR_BOOM);
        Task<Void> serving = loop.createTask(server.serveForever());
        loop.callLater(1, () -> serving.cancel("shutdown"));
        CancelledException e = assertThrows(CancelledException.class, () -> run(serving));
        assertEquals("shutdown", e.getMessage());
        assertFalse(server.isServing());
        run(server.waitClosed());
    }

    @Test
    void waitClosedWaitsForClose() {
        Server server = serve(ECHO_OR_BOOM);
        Task<Void> waiting = loop.createTask(server.waitClosed());
        run(Asyncio.sleep(5));
        assertFalse(waiting.isDone(), "not closed yet");
        server.close();
        server.close(); // idempotent
        run(waiting);
        assertTrue(waiting.isDone());
    }

    @Test
    void manyConnectionsAreServedConcurrently() {
        Server server = serve(ECHO_OR_BOOM);
        List<Task<String>> clients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String line = "client " + i + "\n";
            clients.add(loop.createTask(Chain.await(() -> Streams.openConnection(HOST, server.port()))
                    .then(c -> ask(c, line).andFinally(c::close))));
        }
        for (int i = 0; i < 50; i++) {
            assertEquals("client " + i + "\n", run(clients.get(i)));
        }
        run(server.closeAsync());
    }

    @Test
    void aServerIsAnAsyncCloseable() {
        Server server = serve(ECHO_OR_BOOM);
        Coroutine<Void> close = server.closeAsync();
        assertFalse(server.isServing(), "closeAsync closes at once");
        run(close);
        Coroutine<Void> again = server.closeAsync();
        assertSame(null, run(again));
    }
}
