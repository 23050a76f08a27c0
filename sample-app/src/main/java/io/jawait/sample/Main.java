package io.jawait.sample;

import io.jawait.Asyncio;
import java.util.List;

/**
 * The sample app: with no argument, a short tour of every demo; with a demo's name, that demo.
 * {@code mvn -q -pl sample-app -am package exec:java -DskipTests -Dexec.args=gather}
 */
public final class Main {
    /** Seconds per time unit on the tour: short enough that the whole tour takes seconds. */
    static final double TOUR_UNIT = 0.1;

    private Main() {
    }

    /**
     * Runs the tour, or one demo.
     *
     * @param args empty, or one demo name
     * @throws Exception if a demo fails
     */
    public static void main(String[] args) throws Exception {
        List<Demo> selected = args.length == 0 ? Demos.all() : List.of(Demos.named(args[0]));
        Console console = new Console(System.out, TOUR_UNIT);
        for (Demo demo : selected) {
            System.out.println("== " + demo.name() + ": " + demo.summary());
            Asyncio.run(demo.run(console));
            System.out.println();
        }
    }
}
