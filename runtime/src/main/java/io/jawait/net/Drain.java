package io.jawait.net;

import io.jawait.Coroutine;
import io.jawait.Future;
import java.net.SocketException;

/**
 * The coroutine behind {@link StreamWriter#drain()}, as asyncio's: the reader's failure first; one
 * loop turn if the connection is closing (so its loss is known); "Connection lost" after loss;
 * otherwise wait only while writing is paused above the high-water mark.
 */
final class Drain extends Coroutine<Void> {
    private final SocketTransport transport;
    private final StreamReader reader;
    private Future<Void> waiter;

    Drain(SocketTransport transport, StreamReader reader) {
        this.transport = transport;
        this.reader = reader;
    }

    @Override
    @SuppressWarnings("fallthrough") // a state machine resumes by falling into the next case
    protected void step() throws Throwable {
        for (;;) {
            switch (state) {
                case 0:
                    reader.throwIfFailed();
                    if (transport.isClosing()) {
                        state = 1;
                        yields();
                        return;
                    }
                    state = 2;
                    break;
                case 1:
                    awaited();
                    state = 2;
                    // fall through
                case 2:
                    if (transport.isLost()) {
                        SocketException lost = new SocketException("Connection lost");
                        lost.initCause(transport.lossCause());
                        throw lost;
                    }
                    if (!transport.flow().isPaused()) {
                        complete(null);
                        return;
                    }
                    waiter = transport.flow().newWaiter();
                    state = 3;
                    if (awaits(waiter)) {
                        return;
                    }
                    // fall through
                case 3:
                    try {
                        awaited();
                    } finally {
                        transport.flow().remove(waiter);
                        waiter = null;
                    }
                    complete(null);
                    return;
                default:
                    throw new IllegalStateException("bad state " + state);
            }
        }
    }

    @Override
    public String toString() {
        return "StreamWriter.drain()";
    }
}
