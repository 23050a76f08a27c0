package io.jawait.net;

import java.io.EOFException;

/**
 * The stream ended before a read could be satisfied (asyncio's {@code IncompleteReadError}):
 * thrown by {@link StreamReader#readExactly(int)} and {@link StreamReader#readUntil(byte[])} when
 * end-of-stream arrives first. The bytes read so far are consumed and carried in
 * {@link #partial()}.
 */
public class IncompleteReadException extends EOFException {
    private static final long serialVersionUID = 1L;

    /** The byte count a {@code readUntil} expected: it had no fixed count. */
    public static final int UNTIL_SEPARATOR = -1;

    /** The bytes read before end-of-stream. */
    private final byte[] partial;
    /** The expected byte count, or {@link #UNTIL_SEPARATOR}. */
    private final int expected;

    /**
     * @param partial the bytes read before end-of-stream, not {@code null}
     * @param expected how many bytes were expected, or {@link #UNTIL_SEPARATOR} for a read up to a
     *     separator
     */
    public IncompleteReadException(byte[] partial, int expected) {
        super(partial.length + " bytes read on a total of "
                + (expected == UNTIL_SEPARATOR ? "undefined" : String.valueOf(expected)) + " expected bytes");
        this.partial = partial;
        this.expected = expected;
    }

    /** @return the bytes read before end-of-stream (the caller owns the array) */
    public byte[] partial() {
        return partial;
    }

    /** @return how many bytes were expected, or {@link #UNTIL_SEPARATOR} for {@code readUntil} */
    public int expected() {
        return expected;
    }
}
