package io.jawait.reliability;

import io.jawait.Awaitable;
import io.jawait.Coroutine;

/**
 * {@code try { return await(what.get()); } catch (E e) { return e; }}: a coroutine that turns one
 * expected failure type into its value and lets everything else (a cancellation) propagate.
 */
final class Catching extends Coroutine<Object> {
    /** Makes what to await; may throw, as an expression of an {@code @Async} body may. */
    @FunctionalInterface
    interface Make {
        Awaitable<?> get() throws Exception;
    }

    private final Make what;
    private final Class<? extends Throwable> type;

    Catching(Make what, Class<? extends Throwable> type) {
        this.what = what;
        this.type = type;
    }

    @Override
    @SuppressWarnings("fallthrough")
    protected void step() throws Throwable {
        switch (state) {
            case 0:
                state = 1;
                if (awaits(what.get())) {
                    return;
                }
                // fall through
            case 1:
                try {
                    complete(awaited());
                } catch (Throwable e) {
                    if (!type.isInstance(e)) {
                        throw e;
                    }
                    complete(e);
                }
                return;
            default:
                throw new IllegalStateException("bad state " + state);
        }
    }
}
