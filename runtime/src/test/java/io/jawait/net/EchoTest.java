package io.jawait.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jawait.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 200 concurrent clients each send messages of random sizes (1 B to 64 KiB) to an echo server
 * and check that every byte comes back unchanged.
 *
 * <p>The full size is 5,000 messages per client, too slow for CI; the count is the system
 * property {@code jawait.echo.messages} (default 20). Full size, from the repository root:
 * <pre>
 * mvn -B -pl runtime -am test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=io.jawait.net.EchoTest -Djawait.echo.messages=5000
 * </pre>
 */
class EchoTest extends LoopTest {
    static final int CLIENTS = 200;
    static final int MAX_MESSAGE = 64 * 1024;
    static final int MESSAGES = Integer.getInteger("jawait.echo.messages", 20);

    /** Echoes whatever arrives until end-of-stream, counting the bytes. */
    static ConnectionHandler echo(long[] echoed) {
        return (r, w) -> Chain.loopWhile(() -> Chain.await(() -> r.read(MAX_MESSAGE)).then(data -> {
            echoed[0] += data.length;
            w.write(data);
            return Chain.await(w::drain).map(v -> data.length > 0);
        }));
    }

    /** Sends {@link #MESSAGES} random messages one at a time; each must come back intact. */
    static Chain<Long> client(Connection c, long seed) {
        Random random = new Random(seed);
        long[] bytes = {0};
        return Chain.repeat(MESSAGES, i -> {
            byte[] message = new byte[1 + random.nextInt(MAX_MESSAGE)];
            random.nextBytes(message);
            c.writer().write(message);
            bytes[0] += message.length;
            return Chain.await(c.writer()::drain).then(v -> c.reader().readExactly(message.length)).map(echo -> {
                if (!Arrays.equals(message, echo)) {
                    throw new AssertionError("message " + i + " of client " + seed + " came back different");
                }
                return null;
            });
        }).then(v -> c.closeAsync()).map(v -> bytes[0]);
    }

    @Test
    void everyByteRoundTripsForManyConcurrentClients() {
        long[] echoed = {0};
        Server server = serve(echo(echoed));
        // Connect one after another (the listen backlog is 100), then talk all at once.
        List<Connection> connections = new ArrayList<>();
        run(Chain.repeat(CLIENTS, i -> Chain.await(() -> Streams.openConnection(HOST, server.port())).map(connections::add)));
        List<Task<Long>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(loop.createTask(client(connections.get(i), 1000 + i)));
        }
        long sent = 0;
        for (Task<Long> t : clients) {
            sent += run(t);
        }
        run(server.closeAsync());
        assertEquals(sent, echoed[0], "the server echoed exactly what the clients sent");
    }
}
