package io.jawait.net;

import io.jawait.Asyncio;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/**
 * The coroutine behind {@link Streams#startServer(ConnectionHandler, String, int, int)}: resolve
 * the host (a {@code null} host listens on every interface), bind the first address and start
 * accepting.
 */
final class StartServer extends Coroutine<Server> {
    private final ConnectionHandler handler;
    private final String host;
    private final int port;
    private final int limit;
    private EventLoop loop;

    StartServer(ConnectionHandler handler, String host, int port, int limit) {
        this.handler = handler;
        this.host = host;
        this.port = port;
        this.limit = limit;
    }

    @Override
    @SuppressWarnings("fallthrough") // a state machine resumes by falling into the next case
    protected void step() throws Throwable {
        switch (state) {
            case 0:
                loop = Asyncio.getRunningLoop();
                if (host == null) {
                    complete(bind(new InetSocketAddress(port)));
                    return;
                }
                state = 1;
                if (awaits(Addresses.resolve(loop, host))) {
                    return;
                }
                // fall through
            case 1:
                InetAddress[] addresses = awaited();
                complete(bind(new InetSocketAddress(addresses[0], port)));
                return;
            default:
                throw new IllegalStateException("bad state " + state);
        }
    }

    private Server bind(InetSocketAddress address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(address, Acceptor.BACKLOG);
            channel.configureBlocking(false);
            return new Server(loop, channel, handler, limit);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "Streams.startServer(" + host + ", " + port + ")";
    }
}
