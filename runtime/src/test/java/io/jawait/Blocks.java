package io.jawait;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code try (R r = open()) { body }} for tests, the way the processor compiles it: the body's
 * failure goes to {@code closeAsync(failure)}, a normal end to {@code closeAsync()}.
 */
final class Blocks {
    private Blocks() {
    }

    /**
     * A coroutine for {@code try (R r = open.get()) { value = await(body(r)); }}.
     *
     * @param open makes the resource when the coroutine runs (inside the task)
     * @param body the block, as an awaitable built from the resource
     */
    static <R extends AsyncCloseable> Coroutine<Object> using(Supplier<R> open, Function<R, ? extends Awaitable<?>> body) {
        return new Coroutine<>() {
            private R resource;
            private Object value;

            @Override
            protected void step() throws Throwable {
                switch (state) {
                    case 0:
                        resource = open.get();
                        state = 1;
                        try {
                            if (awaits(body.apply(resource))) {
                                return;
                            }
                        } catch (Throwable failure) {
                            state = 3;
                            if (awaits(resource.closeAsync(failure))) {
                                return;
                            }
                            break;
                        }
                        // fall through
                    case 1:
                        try {
                            value = awaited();
                        } catch (Throwable failure) {
                            state = 3;
                            if (awaits(resource.closeAsync(failure))) {
                                return;
                            }
                            break;
                        }
                        state = 2;
                        if (awaits(resource.closeAsync())) {
                            return;
                        }
                        break;
                    case 2:
                    case 3:
                        break;
                    default:
                        throw new IllegalStateException("bad state " + state);
                }
                awaited(); // the close's outcome: its failure propagates
                complete(value);
            }
        };
    }
}
