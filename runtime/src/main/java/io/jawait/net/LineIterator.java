package io.jawait.net;

import io.jawait.AsyncIterator;
import io.jawait.Coroutine;
import java.util.NoSuchElementException;

/** {@code async for line in reader}: one {@link StreamReader#readLine()} per element until an empty read. */
final class LineIterator implements AsyncIterator<byte[]> {
    private final StreamReader reader;
    private byte[] next;

    LineIterator(StreamReader reader) {
        this.reader = reader;
    }

    @Override
    public Coroutine<Boolean> hasNext() {
        return new Coroutine<>() {
            @Override
            @SuppressWarnings("fallthrough")
            protected void step() throws Throwable {
                switch (state) {
                    case 0:
                        state = 1;
                        if (awaits(reader.readLine())) {
                            return;
                        }
                        // fall through
                    case 1:
                        byte[] line = awaited();
                        next = line.length == 0 ? null : line;
                        complete(next != null);
                        return;
                    default:
                        throw new IllegalStateException("bad state " + state);
                }
            }
        };
    }

    @Override
    public byte[] next() {
        byte[] line = next;
        if (line == null) {
            throw new NoSuchElementException("no line: call hasNext() and await true first");
        }
        next = null;
        return line;
    }
}
