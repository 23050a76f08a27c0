package io.jawait.bench.echo;

import io.jawait.bench.Sizes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * W6 in a fresh JVM: starts one echo server ({@code jawait}, {@code netty}, {@code vertx},
 * {@code virtualThreads}, or {@code python:<script>} for CPython asyncio in a child process), runs a
 * warm-up load and then two measured loads of {@link Sizes#ECHO_CLIENTS} clients x
 * {@link Sizes#ECHO_MESSAGES} messages, and prints the better one as
 * {@code RESULT messagesPerSecond <n>}.
 */
public final class EchoRunner {
    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(90);
    private static final int MEASURED_LOADS = 2;

    private EchoRunner() {
    }

    /** @param args the server, and optionally the messages per client */
    public static void main(String[] args) throws Exception {
        String which = args[0];
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : Sizes.ECHO_MESSAGES;
        Process python = null;
        EchoServer server = null;
        int port;
        if (which.startsWith("python:")) {
            python = new ProcessBuilder("python3", which.substring("python:".length()), "echo-server")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
            port = Integer.parseInt(out.readLine().trim());
        } else {
            server = create(which);
            port = server.start();
        }
        try {
            EchoClient.run(port, Sizes.ECHO_CLIENTS, Math.max(1, messages / 10), Sizes.ECHO_MESSAGE_BYTES, LIMIT_NANOS);
            // The better of two measured loads: the client thread shares two cores with the
            // server, and one load alone moved by 20% between runs of the same server.
            long nanos = Long.MAX_VALUE;
            for (int load = 0; load < MEASURED_LOADS; load++) {
                nanos = Math.min(nanos, EchoClient.run(port, Sizes.ECHO_CLIENTS, messages, Sizes.ECHO_MESSAGE_BYTES, LIMIT_NANOS));
            }
            double perSecond = (double) Sizes.ECHO_CLIENTS * messages / (nanos / 1e9);
            System.out.println("RESULT messagesPerSecond " + perSecond);
        } finally {
            if (server != null) {
                server.stop();
            }
            if (python != null) {
                python.destroy();
                python.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static EchoServer create(String which) throws ReflectiveOperationException {
        switch (which) {
            case "netty":
                return new NettyEchoServer();
            case "vertx":
                return new VertxEchoServer();
            case "virtualThreads":
                return new VirtualThreadEchoServer();
            case "jawait":
                // In src/jawait/java: compiled only when the jawait workloads are (see README).
                return (EchoServer) Class.forName("io.jawait.bench.jawait.JawaitEchoServer")
                        .getDeclaredConstructor().newInstance();
            default:
                throw new IllegalArgumentException("unknown echo server " + which);
        }
    }
}
