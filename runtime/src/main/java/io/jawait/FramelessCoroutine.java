package io.jawait;

/**
 * A coroutine whose whole body is "start something, then await one awaitable": awaited, it is
 * no frame. {@link Coroutine#awaits} claims it, calls {@link #start()} and awaits the result in
 * its place, so a task waiting in one holds only what it waits on. It runs as a frame only as a
 * task's own coroutine, where nothing else can await for it.
 */
abstract class FramelessCoroutine<T> extends Coroutine<T> {
    /**
     * Starts the work, once, on the loop: called when the coroutine is awaited or its task takes
     * its first step.
     *
     * @param loop the running loop, the awaiting task's
     * @return what to await in this coroutine's place, not null
     */
    abstract Awaitable<? extends T> start(EventLoop loop);

    /** @return what this coroutine stands for, e.g. {@code sleep(0.5)}, shown before its phase */
    abstract String description();

    @Override
    public String toString() {
        return describedAs(description());
    }

    @Override
    @SuppressWarnings("fallthrough") // the machine's cases fall through when an await did not suspend
    protected final void step() throws Throwable {
        switch (state) {
            case 0:
                state = 1;
                if (awaits(start(task.loop()))) {
                    return;
                }
                // fall through
            case 1:
                complete(awaited());
                return;
            default:
                throw new IllegalStateException("bad state " + state);
        }
    }
}
