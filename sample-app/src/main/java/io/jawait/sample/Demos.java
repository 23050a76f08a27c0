package io.jawait.sample;

import io.jawait.sample.demos.AsCompletedDemo;
import io.jawait.sample.demos.AwaitablesDemo;
import io.jawait.sample.demos.CrawlerDemo;
import io.jawait.sample.demos.DatabaseDemo;
import io.jawait.sample.demos.EchoDemo;
import io.jawait.sample.demos.ExecutorDemo;
import io.jawait.sample.demos.GatherDemo;
import io.jawait.sample.demos.HelloDemo;
import io.jawait.sample.demos.SequentialVsConcurrentDemo;
import io.jawait.sample.demos.SyncDemo;
import io.jawait.sample.demos.WaitForDemo;
import java.util.List;
import java.util.stream.Collectors;

/** The tour, in the order the asyncio tutorials introduce the ideas. */
public final class Demos {
    private Demos() {
    }

    /** @return every demo, in tour order */
    public static List<Demo> all() {
        return List.of(new HelloDemo(), new SequentialVsConcurrentDemo(), new GatherDemo(), new WaitForDemo(),
                new AsCompletedDemo(), new AwaitablesDemo(), new ExecutorDemo(), new SyncDemo(), new EchoDemo(),
                new CrawlerDemo(), new DatabaseDemo());
    }

    /**
     * @param name a demo's {@link Demo#name()}
     * @return that demo
     * @throws IllegalArgumentException listing the known names if there is no such demo
     */
    public static Demo named(String name) {
        return all().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo named '" + name + "'; known: "
                        + all().stream().map(Demo::name).collect(Collectors.joining(", "))));
    }
}
