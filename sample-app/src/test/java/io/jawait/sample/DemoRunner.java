package io.jawait.sample;

import io.jawait.EventLoop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a demo and returns what it printed, line by line. */
final class DemoRunner {
    private DemoRunner() {
    }

    /** On virtual time, one second per unit: the output is deterministic. */
    static List<String> virtual(String name) throws Exception {
        return run(name, EventLoop.createVirtual(), 1.0);
    }

    /** On a real loop with a short unit, for demos that wait on real threads. */
    static List<String> real(String name) throws Exception {
        return run(name, EventLoop.create(), 0.05);
    }

    private static List<String> run(String name, EventLoop loop, double unit) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8); loop) {
            loop.runUntilComplete(Demos.named(name).run(new Console(out, unit)));
            loop.shutdownDefaultExecutor();
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
