package io.jawait.net;

import io.jawait.Coroutine;
import io.jawait.Future;

/**
 * The coroutine behind every {@link StreamReader} read: try to satisfy the read from the buffer;
 * if it needs more bytes, wait for the next data, end-of-stream or failure, and try again.
 */
final class BufferedRead extends Coroutine<byte[]> {
    /** One try at a read over the buffer. */
    @FunctionalInterface
    interface Attempt {
        /**
         * @return the result, or {@code null} when more data is needed
         * @throws Exception the read's failure (the reader's stored failure, incomplete read, limit)
         */
        byte[] tryRead() throws Exception;
    }

    private final StreamReader reader;
    private final String operation;
    private final Attempt attempt;
    private Future<Void> waiter;

    BufferedRead(StreamReader reader, String operation, Attempt attempt) {
        this.reader = reader;
        this.operation = operation;
        this.attempt = attempt;
    }

    @Override
    @SuppressWarnings("fallthrough") // a state machine resumes by falling into the next case
    protected void step() throws Throwable {
        for (;;) {
            switch (state) {
                case 0:
                    byte[] result = attempt.tryRead();
                    if (result != null) {
                        complete(result);
                        return;
                    }
                    waiter = reader.waitForData(operation);
                    state = 1;
                    if (awaits(waiter)) {
                        return;
                    }
                    // fall through
                case 1:
                    try {
                        awaited();
                    } finally {
                        reader.waiterDone(waiter);
                        waiter = null;
                    }
                    state = 0;
                    break;
                default:
                    throw new IllegalStateException("bad state " + state);
            }
        }
    }

    @Override
    public String toString() {
        return "StreamReader." + operation + "()";
    }
}
