package io.jawait.processor.fuzz;

import java.util.List;

/**
 * What one run of a generated method did: its value or the exception's class and message, and
 * the log of side effects. Two runs agree when their outcomes are equal.
 *
 * @param value the result, or null when it threw
 * @param thrown the exception's class and message, or null
 * @param log the side effects, in order
 */
record Outcome(Integer value, String thrown, List<String> log) {
    static Outcome returned(int value, List<String> log) {
        return new Outcome(value, null, List.copyOf(log));
    }

    static Outcome threw(Throwable t, List<String> log) {
        return new Outcome(null, t.getClass().getName() + ": " + t.getMessage(), List.copyOf(log));
    }
}
