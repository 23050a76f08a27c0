package io.jawait.sync;

import io.jawait.AsyncCloseable;
import io.jawait.Coroutine;

/**
 * Proof that a {@link Lock}, {@link Condition} or {@link Semaphore} is held, for Python's
 * {@code async with lock:} as a try-with-resources in an {@code @Async} method:
 * <pre>{@code
 * try (Held held = await(lock.hold())) {
 *     ... // the lock is held here
 * }       // and released here, whether the body completed or threw
 * }</pre>
 *
 * <p>Releasing never waits, so {@link #closeAsync()} and the synchronous {@link #close()} do the
 * same thing. A handle releases at most once: closing it again does nothing, so an explicit
 * early {@code close()} inside the body is safe.
 */
public final class Held implements AsyncCloseable {
    private final Runnable release;
    private final Object primitive;
    private boolean released;

    Held(Object primitive, Runnable release) {
        this.primitive = primitive;
        this.release = release;
    }

    /**
     * A coroutine that acquires through {@code acquire}, then produces a handle releasing through
     * {@code release}. A cancelled or failed acquire produces no handle and holds nothing.
     */
    static Coroutine<Held> after(Coroutine<Void> acquire, Object primitive, Runnable release) {
        return new Coroutine<>() {
            @Override
            protected void step() throws Throwable {
                switch (state) {
                    case 0:
                        state = 1;
                        if (awaits(acquire)) {
                            return;
                        }
                        // fall through
                    case 1:
                        awaited();
                        complete(new Held(primitive, release));
                        return;
                    default:
                        throw new IllegalStateException("bad state " + state);
                }
            }

            @Override
            public String toString() {
                return "hold(" + primitive + ")";
            }
        };
    }

    /**
     * Releases the primitive when awaited (first close only).
     *
     * @return a coroutine that releases when awaited
     */
    @Override
    public Coroutine<Void> closeAsync() {
        return new Coroutine<>() {
            @Override
            protected void step() {
                Held.this.close();
                complete(null);
            }
        };
    }

    /**
     * Releases the primitive now (first close only); the same as awaiting {@link #closeAsync()}.
     *
     * @throws IllegalStateException if the primitive was released behind this handle's back
     *     (for a lock: "Lock is not acquired.")
     */
    @Override
    public void close() {
        if (!released) {
            released = true;
            release.run();
        }
    }

    /** @return whether this handle has not been closed yet */
    public boolean isHeld() {
        return !released;
    }

    @Override
    public String toString() {
        return "Held[" + (released ? "released" : "holding") + " " + primitive + "]";
    }
}
