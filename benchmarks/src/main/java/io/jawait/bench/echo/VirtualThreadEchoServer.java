package io.jawait.bench.echo;

import io.jawait.bench.peers.VirtualThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadFactory;

/** Blocking sockets, one virtual thread per connection (JDK 21+). */
public final class VirtualThreadEchoServer implements EchoServer {
    private ServerSocket listener;
    private Thread acceptor;

    @Override
    public int start() throws IOException {
        ThreadFactory threads = VirtualThreads.factory();
        listener = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        acceptor = threads.newThread(() -> {
            try {
                while (true) {
                    Socket socket = listener.accept();
                    threads.newThread(() -> echo(socket)).start();
                }
            } catch (IOException closed) {
                // stop() closed the listener
            }
        });
        acceptor.start();
        return listener.getLocalPort();
    }

    private static void echo(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void stop() throws Exception {
        listener.close();
        acceptor.join();
    }
}
