package io.jawait.net;

import java.io.IOException;

/**
 * A read up to a separator would exceed the reader's buffer limit (asyncio's
 * {@code LimitOverrunError}, and the {@code ValueError} of {@code readline}).
 *
 * <p>From {@link StreamReader#readUntil(byte[])} nothing is consumed: {@link #consumed()} bytes
 * are still buffered. From {@link StreamReader#readLine()} the over-long line is consumed if its
 * newline was already received, otherwise the whole buffer is cleared, so the next read starts
 * after (or within) the offending line.
 */
public class LimitOverrunException extends IOException {
    private static final long serialVersionUID = 1L;

    /** How many buffered bytes the separator search covered. */
    private final int consumed;

    /**
     * @param message what overran
     * @param consumed how many bytes the search had to look at
     */
    public LimitOverrunException(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /** @return how many buffered bytes the separator search covered */
    public int consumed() {
        return consumed;
    }
}
