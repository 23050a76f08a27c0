package io.jawait.sample.demos;

import static io.jawait.Asyncio.await;
import static io.jawait.Asyncio.gather;
import static io.jawait.Asyncio.waitFor;
import static io.jawait.Asyncio.wrapFuture;

import com.sun.net.httpserver.HttpServer;
import io.jawait.Coroutine;
import io.jawait.annotation.Async;
import io.jawait.sample.Console;
import io.jawait.sample.Demo;
import io.jawait.sync.Semaphore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

/**
 * A small crawler: fetches pages concurrently from a loopback HTTP server started by the demo,
 * through {@code HttpClient.sendAsync} awaited directly, at most two at a time (a semaphore),
 * each fetch with its own timeout.
 */
public final class CrawlerDemo implements Demo {
    private static final Map<String, String> SITE = Map.of(
            "/", "home: links /a /b /c",
            "/a", "page a",
            "/b", "page b",
            "/c", "page c");

    @Override
    public String name() {
        return "crawler";
    }

    @Override
    public String summary() {
        return "concurrent HttpClient.sendAsync fetches, limited by a semaphore, each with a timeout";
    }

    static HttpServer startSite() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SITE.forEach((path, body) -> server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }));
        server.start();
        return server;
    }

    @Async
    Coroutine<String> fetch(HttpClient client, Semaphore slots, String base, String path) throws TimeoutException {
        await(slots.acquire());
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).build();
            HttpResponse<String> response = await(waitFor(
                    wrapFuture(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())), 10.0));
            return Coroutine.of(response.body());
        } finally {
            slots.release();
        }
    }

    @Async
    @Override
    public Coroutine<Void> run(Console console) throws Exception {
        HttpServer site = startSite();
        HttpClient client = HttpClient.newHttpClient();
        try {
            String base = "http://127.0.0.1:" + site.getAddress().getPort();
            Semaphore slots = new Semaphore(2);
            List<Coroutine<String>> fetches = new ArrayList<>();
            for (String path : new TreeMap<>(SITE).keySet()) {
                fetches.add(fetch(client, slots, base, path));
            }
            List<String> pages = await(gather(fetches));
            for (String page : pages) {
                console.println("fetched: " + page);
            }
        } finally {
            site.stop(0);
        }
        return Coroutine.done();
    }
}
