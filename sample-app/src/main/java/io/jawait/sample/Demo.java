package io.jawait.sample;

import io.jawait.Coroutine;

/** One runnable demo of the tour: an asyncio tutorial program written with jawait. */
public interface Demo {
    /** @return the name used on the command line, e.g. {@code hello} */
    String name();

    /** @return one line saying what the demo shows */
    String summary();

    /**
     * The demo's main coroutine.
     *
     * @param console where the demo prints, with the tour's time unit
     * @return the coroutine to run on an event loop
     * @throws Exception a demo may fail like any program
     */
    Coroutine<Void> run(Console console) throws Exception;
}
