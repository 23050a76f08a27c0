package io.jawait.sample;

import io.jawait.Asyncio;
import java.io.PrintStream;

/**
 * What a demo prints to, and the tour's time unit: every sleep in the demos is a multiple of
 * {@link #unit()} seconds, so the whole tour runs in seconds, and elapsed times are printed in
 * units so the output reads the same on a fast or a slow machine (and on virtual time in tests).
 */
public final class Console {
    private final PrintStream out;
    private final double unit;

    /**
     * @param out where to print
     * @param unit seconds per time unit
     */
    public Console(PrintStream out, double unit) {
        this.out = out;
        this.unit = unit;
    }

    /** @return seconds per time unit */
    public double unit() {
        return unit;
    }

    /**
     * @param units a duration in units
     * @return the same duration in seconds
     */
    public double seconds(double units) {
        return units * unit;
    }

    /** @return the running loop's time, in units */
    public double now() {
        return Asyncio.getRunningLoop().time() / unit;
    }

    /**
     * Prints one line.
     *
     * @param line the text
     */
    public void println(String line) {
        out.println(line);
    }

    /**
     * Prints how long something took since {@code startUnits}, in units to one decimal.
     *
     * @param what what finished
     * @param startUnits {@link #now()} when it started
     */
    public void elapsed(String what, double startUnits) {
        out.printf(java.util.Locale.ROOT, "%s in %.1f units%n", what, now() - startUnits);
    }
}
