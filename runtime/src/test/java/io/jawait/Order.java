package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Checks the order of events, as kotlinx's {@code TestBase}: {@code expect(n)} asserts that it is
 * the n-th event, {@code finish(n)} that it is the last one.
 */
final class Order {
    private int last;

    /** Asserts this is event {@code n}: the previous one was {@code n - 1}. */
    void expect(int n) {
        assertEquals(last + 1, n, "event " + n + " happened after event " + last);
        last = n;
    }

    /** Asserts this is event {@code n}, the last one. */
    void finish(int n) {
        expect(n);
        last = Integer.MIN_VALUE / 2;
    }

    /** @return the number of the last event */
    int last() {
        return last;
    }
}
