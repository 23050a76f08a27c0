package io.jawait.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayDeque;

/**
 * Bytes accepted by {@link StreamWriter#write(byte[])} that the socket has not taken yet, in
 * order. Small writes are appended into the spare room of the last chunk.
 */
final class WriteBuffer {
    private static final int MIN_CHUNK = 16 * 1024;
    private static final int GATHER = 16;

    /** Chunks in read mode: position is the next byte to send, limit the end of the data. */
    private final ArrayDeque<ByteBuffer> chunks = new ArrayDeque<>();
    private final ByteBuffer[] gather = new ByteBuffer[GATHER];
    private long size;

    long size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Copies {@code len} bytes of {@code src} from {@code off}: the caller may reuse its array. */
    void add(byte[] src, int off, int len) {
        ByteBuffer tail = chunks.peekLast();
        if (tail != null && tail.capacity() - tail.limit() >= len) {
            int at = tail.limit();
            tail.limit(at + len);
            tail.put(at, src, off, len);
        } else {
            ByteBuffer chunk = ByteBuffer.allocate(Math.max(len, MIN_CHUNK));
            chunk.put(src, off, len).flip();
            chunks.add(chunk);
        }
        size += len;
    }

    /**
     * Writes as much as the channel takes now.
     *
     * @return how many bytes were written
     * @throws IOException the socket's failure
     */
    long writeTo(GatheringByteChannel channel) throws IOException {
        int n = 0;
        for (ByteBuffer b : chunks) {
            gather[n++] = b;
            if (n == GATHER) {
                break;
            }
        }
        long written;
        try {
            written = channel.write(gather, 0, n);
        } finally {
            java.util.Arrays.fill(gather, 0, n, null);
        }
        size -= written;
        while (!chunks.isEmpty() && !chunks.peekFirst().hasRemaining()) {
            chunks.pollFirst();
        }
        return written;
    }

    void clear() {
        chunks.clear();
        size = 0;
    }
}
