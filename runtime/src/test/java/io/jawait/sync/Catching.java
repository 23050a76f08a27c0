package io.jawait.sync;

import io.jawait.Coroutine;

/**
 * {@code try { return await(body); } catch (E e) { return e.getMessage(); }} as a hand-written
 * coroutine: the body's value as a string, or the message of an expected exception.
 */
final class Catching<E extends Throwable> extends Coroutine<String> {
    private final Coroutine<?> body;
    private final Class<E> expected;

    Catching(Coroutine<?> body, Class<E> expected) {
        this.body = body;
        this.expected = expected;
    }

    @Override
    protected void step() throws Throwable {
        switch (state) {
            case 0:
                state = 1;
                if (awaits(body)) {
                    return;
                }
                // fall through
            case 1:
                try {
                    complete(String.valueOf((Object) awaited()));
                } catch (Throwable e) {
                    if (!expected.isInstance(e)) {
                        throw e;
                    }
                    complete(e.getMessage());
                }
                return;
            default:
                throw new IllegalStateException("bad state " + state);
        }
    }
}
