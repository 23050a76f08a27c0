package io.jawait.bench.echo;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.concurrent.TimeUnit;

/** Vert.x's echo server ({@code socket.handler(socket::write)}) on one event-loop thread. */
public final class VertxEchoServer implements EchoServer {
    private Vertx vertx;
    private NetServer server;

    @Override
    public int start() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        server = vertx.createNetServer(new NetServerOptions().setTcpNoDelay(true))
                .connectHandler(socket -> socket.handler(socket::write))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return server.actualPort();
    }

    @Override
    public void stop() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
