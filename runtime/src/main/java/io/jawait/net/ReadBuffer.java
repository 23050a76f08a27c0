package io.jawait.net;

import java.util.Arrays;

/** The bytes a {@link StreamReader} received but nobody has read yet: a growable window of an array. */
final class ReadBuffer {
    private static final byte[] EMPTY = new byte[0];
    private static final int INITIAL = 8 * 1024;
    /** An emptied buffer larger than this gives its array back, so idle connections stay small. */
    private static final int KEEP_AT_MOST = 1024 * 1024;

    private byte[] data = EMPTY;
    private int start;
    private int end;

    int size() {
        return end - start;
    }

    void append(byte[] src, int off, int len) {
        if (len == 0) {
            return;
        }
        if (end + len > data.length) {
            int size = size();
            byte[] target = size + len <= data.length ? data
                    : new byte[Math.max(Math.max(INITIAL, data.length * 2), size + len)];
            System.arraycopy(data, start, target, 0, size);
            data = target;
            start = 0;
            end = size;
        }
        System.arraycopy(src, off, data, end, len);
        end += len;
    }

    /** @return the index of {@code sep} relative to the first buffered byte, from {@code from} on, or -1 */
    int indexOf(byte[] sep, int from) {
        int last = end - sep.length;
        byte first = sep[0];
        for (int i = start + Math.max(0, from); i <= last; i++) {
            if (data[i] == first && matches(sep, i)) {
                return i - start;
            }
        }
        return -1;
    }

    /** @return whether {@code sep} is buffered at relative index {@code at} */
    boolean startsWith(byte[] sep, int at) {
        return at >= 0 && start + at + sep.length <= end && matches(sep, start + at);
    }

    private boolean matches(byte[] sep, int i) {
        for (int j = 1; j < sep.length; j++) {
            if (data[i + j] != sep[j]) {
                return false;
            }
        }
        return true;
    }

    /** Removes and returns the first {@code n} bytes ({@code n <= size()}). */
    byte[] take(int n) {
        byte[] out = Arrays.copyOfRange(data, start, start + n);
        skip(n);
        return out;
    }

    byte[] takeAll() {
        return take(size());
    }

    /** Drops the first {@code n} bytes ({@code n <= size()}). */
    void skip(int n) {
        start += n;
        if (start == end) {
            clear();
        }
    }

    void clear() {
        start = 0;
        end = 0;
        if (data.length > KEEP_AT_MOST) {
            data = EMPTY;
        }
    }
}
