package io.jawait.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import org.junit.jupiter.api.Test;

/** Buffered writes leave in order, across partial writes, and the caller's array is copied. */
class WriteBufferTest {

    @Test
    void bytesLeaveInOrderAcrossPartialWritesAndCallerArraysAreCopied() throws IOException {
        WriteBuffer buffer = new WriteBuffer();
        byte[] reused = new byte[3];
        long expected = 0;
        for (int i = 0; i < 200_000; i++) { // small writes coalesce into chunks
            reused[0] = (byte) (i % 251);
            buffer.add(reused, 0, 1);
            reused[0] = 99; // must not change what was buffered
            expected++;
        }
        byte[] big = LoopTest.pattern(200_000, 1_000_000);
        buffer.add(big, 0, big.length);
        expected += big.length;
        assertEquals(expected, buffer.size());

        Pipe pipe = Pipe.open();
        pipe.sink().configureBlocking(false);
        pipe.source().configureBlocking(false);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        int partialWrites = 0;
        while (!buffer.isEmpty()) {
            long before = buffer.size();
            long written = buffer.writeTo(pipe.sink()); // the pipe takes only what fits
            assertEquals(before - written, buffer.size());
            if (!buffer.isEmpty()) {
                partialWrites++;
            }
            for (int n; (n = pipe.source().read(chunk.clear())) > 0; ) {
                received.write(chunk.array(), 0, n);
            }
        }
        for (int n; (n = pipe.source().read(chunk.clear())) > 0; ) {
            received.write(chunk.array(), 0, n);
        }
        assertTrue(partialWrites > 0, "the pipe forced partial writes");
        assertEquals(expected, received.size());
        assertTrue(LoopTest.isPattern(received.toByteArray(), 0), "every byte, in order, unchanged");
    }
}
