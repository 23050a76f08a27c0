package io.jawait.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.sun.net.httpserver.HttpServer;
import io.jawait.EventLoop;
import io.jawait.Task;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link HttpClient#sendAsync} awaited from coroutines through {@code awaits(CompletionStage)},
 * against a loopback {@link HttpServer}: many requests in flight at once, each task resumed on the
 * loop's thread with its own response; a failed request throws its own exception at the await.
 */
@Timeout(120)
class HttpClientBridgeTest {
    private final EventLoop loop = EventLoop.createVirtual();
    private final ExecutorService serverThreads = Executors.newFixedThreadPool(4);
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hello", exchange -> {
            byte[] body = ("hello " + exchange.getRequestURI().getQuery()).getBytes(UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(serverThreads);
        server.start();
        client = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
        loop.close();
    }

    private HttpRequest get(int port, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build();
    }

    @Test
    void concurrentRequestsAreAwaitedAndResumeOnTheLoop() {
        int port = server.getAddress().getPort();
        Thread[] resumedOn = new Thread[1];
        List<Task<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpRequest request = get(port, "/hello?n=" + i);
            tasks.add(loop.createTask(Chain.awaitStage(() -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                    .map(response -> {
                        resumedOn[0] = Thread.currentThread();
                        return response.statusCode() + " " + response.body();
                    })));
        }
        for (int i = 0; i < 20; i++) {
            assertEquals("200 hello n=" + i, loop.runUntilComplete(tasks.get(i)));
        }
        assertSame(Thread.currentThread(), resumedOn[0]);
    }

    @Test
    void aFailedRequestThrowsItsIOExceptionAtTheAwait() throws IOException {
        HttpRequest request = get(LoopTest.unusedPort(), "/hello?n=1");
        Throwable e = loop.runUntilComplete(
                Chain.awaitStage(() -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString())).failure());
        assertInstanceOf(IOException.class, e, "unwrapped from the CompletionException");
    }
}
