package io.jawait.sync;

import io.jawait.Coroutine;
import io.jawait.EventLoop;
import io.jawait.Future;

/**
 * A flag tasks can wait for (asyncio's {@code Event}): {@link #set()} wakes every waiting task,
 * and while the flag stays set {@link #waitSet()} completes without suspending.
 *
 * <p>Usage in an {@code @Async} method:
 * <pre>{@code
 * await(ready.waitSet());   // elsewhere: ready.set();
 * }</pre>
 *
 * <p>Waking is scheduled, as for any future: a task woken by {@code set()} resumes on a later
 * loop turn and returns even if the flag was cleared in between. A task cancelled while waiting
 * leaves without a trace. Use an event only from its loop's thread.
 */
public final class Event {
    private final Waiters waiters = new Waiters(this);
    private boolean value;

    /** Creates an event whose flag is not set. */
    public Event() {
    }

    /** @return whether the flag is set */
    public boolean isSet() {
        return value;
    }

    /** Sets the flag and wakes every task waiting for it. Does nothing if it is set already. */
    public void set() {
        if (!value) {
            value = true;
            waiters.wakePending(Integer.MAX_VALUE);
        }
    }

    /** Clears the flag: later {@link #waitSet()} calls wait for the next {@link #set()}. */
    public void clear() {
        value = false;
    }

    /**
     * Waits until the flag is set (asyncio's {@code Event.wait()}).
     *
     * @return a coroutine that completes at once if the flag is set, else after the next
     *     {@link #set()}
     */
    public Coroutine<Void> waitSet() {
        return new WaitSet(this);
    }

    /** Number of waiting tasks, including woken ones not yet resumed (for tests). */
    int waiterCount() {
        return waiters.size();
    }

    @Override
    public String toString() {
        return "Event[" + (value ? "set" : "unset") + waiters.describe() + "]";
    }

    /**
     * The coroutine behind {@link #waitSet()}. Its one field holds the event until the task waits,
     * then the task's waiter, which knows the event: a million waiting tasks are a million of
     * these frames, and a second field would make each 8 bytes larger.
     */
    private static final class WaitSet extends Coroutine<Void> {
        private Object eventOrWaiter;

        WaitSet(Event event) {
            this.eventOrWaiter = event;
        }

        @Override
        @SuppressWarnings("fallthrough") // the machine's cases fall through when an await did not suspend
        protected void step() throws Throwable {
            switch (state) {
                case 0:
                    Event event = (Event) eventOrWaiter;
                    if (event.value) {
                        complete(null);
                        return;
                    }
                    Waiter waiter = new Waiter(event.waiters.boundToRunningLoop(), event);
                    event.waiters.add(waiter);
                    eventOrWaiter = waiter;
                    state = 1;
                    if (awaits(waiter)) {
                        return;
                    }
                    // fall through
                case 1:
                    Waiter w = (Waiter) eventOrWaiter;
                    try {
                        awaited();
                    } finally {
                        w.event.waiters.remove(w);
                    }
                    complete(null);
                    return;
                default:
                    throw new IllegalStateException("bad state " + state);
            }
        }

        @Override
        public String toString() {
            return "Event.waitSet()";
        }
    }

    /** A waiter future that knows its event; the field fits in a future's padding. */
    private static final class Waiter extends Future<Void> {
        final Event event;

        Waiter(EventLoop loop, Event event) {
            super(loop);
            this.event = event;
        }

        @Override
        public String toString() {
            String s = super.toString();
            return "Future" + s.substring(s.indexOf('['));
        }
    }
}
