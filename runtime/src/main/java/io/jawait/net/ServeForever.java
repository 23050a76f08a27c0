package io.jawait.net;

import io.jawait.CancelledException;
import io.jawait.Coroutine;
import io.jawait.Future;

/**
 * The coroutine behind {@link Server#serveForever()}, as asyncio's: waits until cancelled, then
 * closes the server, waits until it is closed and rethrows the cancellation.
 * {@link Server#close()} cancels it too.
 */
final class ServeForever extends Coroutine<Void> {
    private final Server server;
    private CancelledException cancelled;

    ServeForever(Server server) {
        this.server = server;
    }

    @Override
    @SuppressWarnings("fallthrough") // a state machine resumes by falling into the next case
    protected void step() throws Throwable {
        switch (state) {
            case 0:
                Future<Void> forever = server.beginServeForever();
                state = 1;
                if (awaits(forever)) {
                    return;
                }
                // fall through
            case 1:
                try {
                    awaited();
                    throw new IllegalStateException("serveForever's future completed normally");
                } catch (CancelledException c) {
                    cancelled = c;
                } finally {
                    server.endServeForever();
                }
                server.close();
                state = 2;
                if (awaits(server.waitClosed())) {
                    return;
                }
                // fall through
            case 2:
                try {
                    awaited();
                } catch (CancelledException again) {
                    // Cancelled again while waiting: the first cancellation is the one to report.
                }
                throw cancelled;
            default:
                throw new IllegalStateException("bad state " + state);
        }
    }

    @Override
    public String toString() {
        return "Server.serveForever()";
    }
}
