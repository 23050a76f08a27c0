package io.jawait.sample.demos;

import static io.jawait.Asyncio.await;

import io.jawait.Coroutine;
import io.jawait.annotation.Async;
import io.jawait.net.Connection;
import io.jawait.net.Server;
import io.jawait.net.StreamReader;
import io.jawait.net.StreamWriter;
import io.jawait.net.Streams;
import io.jawait.sample.Console;
import io.jawait.sample.Demo;
import java.nio.charset.StandardCharsets;

/** An echo server and a client over TCP streams on loopback. */
public final class EchoDemo implements Demo {
    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String summary() {
        return "echo server and client over TCP streams on loopback";
    }

    /** One connection: echo each line back until the client closes. */
    @Async
    Coroutine<Void> handle(StreamReader reader, StreamWriter writer) throws Exception {
        try {
            while (true) {
                byte[] line = await(reader.readLine());
                if (line.length == 0) {
                    break;
                }
                writer.write(line);
                await(writer.drain());
            }
        } finally {
            writer.close();
        }
        return Coroutine.done();
    }

    @Async
    @Override
    public Coroutine<Void> run(Console console) throws Exception {
        Server server = await(Streams.startServer(this::handle, "127.0.0.1", 0));
        console.println("server listening on a free loopback port");
        Connection connection = await(Streams.openConnection("127.0.0.1", server.port()));
        StreamWriter out = connection.writer();
        StreamReader in = connection.reader();
        for (String message : new String[] {"hello", "from", "jawait"}) {
            out.write((message + "\n").getBytes(StandardCharsets.UTF_8));
            await(out.drain());
            byte[] echoed = await(in.readLine());
            console.println("client got back: " + new String(echoed, StandardCharsets.UTF_8).trim());
        }
        out.close();
        await(out.waitClosed());
        server.close();
        await(server.waitClosed());
        console.println("server closed");
        return Coroutine.done();
    }
}
