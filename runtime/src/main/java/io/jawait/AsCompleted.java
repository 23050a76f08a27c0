package io.jawait;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * What {@link Asyncio#asCompleted(Collection, java.time.Duration)} returns (CPython's
 * {@code as_completed} used as a plain iterator): as many coroutines as distinct awaitables, the
 * n-th producing the result (or throwing the failure) of the n-th awaitable to finish.
 *
 * <p>Coroutines are wrapped in tasks right away, so they all run concurrently. Once the timeout
 * passes, every element not yet taken throws {@link TimeoutException} at its await; the
 * unfinished work is not cancelled. The iteration state is shared: every iterator continues where
 * the previous one stopped.
 */
final class AsCompleted<T> implements Iterable<Coroutine<T>> {
    /** Queued in place of a future when the timeout passes. */
    private static final Object TIMED_OUT = new Object();

    private final EventLoop loop;
    private final LinkedHashSet<Future<T>> todo = new LinkedHashSet<>();
    /** Finished futures (or TIMED_OUT) not yet handed out, in completion order. */
    private final ArrayDeque<Object> done = new ArrayDeque<>();
    /** Elements waiting for the next finished future, FIFO. */
    private final ArrayDeque<Future<Void>> getters = new ArrayDeque<>();
    private final Consumer<Future<T>> onCompletion = this::onCompletion;
    private EventLoop.TimerHandle timer;
    private int remaining;

    AsCompleted(Collection<? extends Awaitable<? extends T>> awaitables, double timeoutSeconds) {
        if (Double.isNaN(timeoutSeconds)) {
            throw new IllegalArgumentException("asCompleted timeout must be a number, got NaN");
        }
        loop = Combinators.loopFor(awaitables);
        LinkedHashSet<Awaitable<? extends T>> distinct = new LinkedHashSet<>(awaitables);
        for (Awaitable<? extends T> a : distinct) {
            todo.add(Combinators.ensureFuture(loop, a));
        }
        remaining = todo.size();
        for (Future<T> f : todo) {
            f.addDoneCallback(onCompletion);
        }
        if (!todo.isEmpty() && timeoutSeconds != Double.POSITIVE_INFINITY) {
            timer = loop.callLater(Math.max(0, timeoutSeconds), this::onTimeout);
        }
    }

    @Override
    public Iterator<Coroutine<T>> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return remaining > 0;
            }

            @Override
            public Coroutine<T> next() {
                if (remaining == 0) {
                    throw new NoSuchElementException("every awaitable given to asCompleted was handed out");
                }
                remaining--;
                return new Next();
            }
        };
    }

    private void onCompletion(Future<T> f) {
        if (!todo.remove(f)) {
            return; // the timeout came first
        }
        put(f);
        if (todo.isEmpty() && timer != null) {
            timer.cancel();
        }
    }

    private void onTimeout() {
        List<Future<T>> left = new ArrayList<>(todo);
        todo.clear();
        for (Future<T> f : left) {
            f.removeDoneCallback(onCompletion);
            put(TIMED_OUT);
        }
    }

    private void put(Object item) {
        done.add(item);
        wakeNextGetter();
    }

    private void wakeNextGetter() {
        while (!getters.isEmpty()) {
            Future<Void> g = getters.poll();
            if (!g.isDone()) {
                g.setResult(null);
                return;
            }
        }
    }

    /** One element: waits for the next finished future and returns its outcome. */
    private final class Next extends Coroutine<T> {
        private Future<Void> getter;

        @Override
        @SuppressWarnings("unchecked")
        protected void step() throws Throwable {
            for (;;) {
                switch (state) {
                    case 0:
                        if (done.isEmpty()) {
                            getter = loop.createFuture();
                            getters.add(getter);
                            state = 1;
                            awaits(getter); // a new future is pending: this always suspends
                            return;
                        }
                        Object item = done.poll();
                        if (item == TIMED_OUT) {
                            throw new TimeoutException("asCompleted timed out before this element finished");
                        }
                        complete(((Future<T>) item).result());
                        return;
                    case 1:
                        try {
                            awaited();
                        } catch (Throwable cancelled) {
                            getters.remove(getter);
                            if (getter.isDone() && !getter.isCancelled() && !done.isEmpty()) {
                                wakeNextGetter(); // we were woken but leave: pass the wake-up on
                            }
                            throw cancelled;
                        }
                        state = 0;
                        continue;
                    default:
                        throw new IllegalStateException("bad state " + state);
                }
            }
        }

        @Override
        public String toString() {
            return "asCompleted.next()";
        }
    }
}
