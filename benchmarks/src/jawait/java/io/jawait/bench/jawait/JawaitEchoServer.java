package io.jawait.bench.jawait;

import static io.jawait.Asyncio.await;

import io.jawait.Asyncio;
import io.jawait.Coroutine;
import io.jawait.annotation.Async;
import io.jawait.bench.echo.EchoServer;
import io.jawait.net.Server;
import io.jawait.net.StreamReader;
import io.jawait.net.StreamWriter;
import io.jawait.net.Streams;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** W6 with jawait streams: asyncio's echo server, on one loop thread. */
public final class JawaitEchoServer implements EchoServer {
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final CompletableFuture<Void> stopRequested = new CompletableFuture<>();
    private Thread loopThread;

    /** One connection: writes back what it reads until the client closes. */
    @Async
    static Coroutine<Void> echo(StreamReader reader, StreamWriter writer) throws Exception {
        while (true) {
            byte[] data = await(reader.read(4096));
            if (data.length == 0) {
                break;
            }
            writer.write(data);
            await(writer.drain());
        }
        writer.close();
        await(writer.waitClosed());
        return Coroutine.done();
    }

    /** Serves until {@code stop} completes. */
    @Async
    static Coroutine<Void> serve(CompletableFuture<Integer> port, CompletableFuture<Void> stop) {
        Server server = await(Streams.startServer(JawaitEchoServer::echo, "127.0.0.1", 0));
        port.complete(server.port());
        await(stop);
        server.close();
        await(server.waitClosed());
        return Coroutine.done();
    }

    @Override
    public int start() throws Exception {
        loopThread = new Thread(() -> Asyncio.run(serve(port, stopRequested)), "jawait-echo-loop");
        loopThread.start();
        return port.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        stopRequested.complete(null);
        loopThread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
