package io.jawait;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * The coroutine behind {@link Asyncio#wait(Collection, ReturnWhen, java.time.Duration)} (CPython's
 * {@code _wait}): suspends until the {@link ReturnWhen} condition holds or the timeout passes,
 * then splits the futures into done and pending. It never raises on timeout and never cancels.
 * Like CPython it always suspends at least once, even when every future is done already.
 */
final class Wait<T> extends Coroutine<WaitResult<T>> {
    private final List<Future<T>> futures;
    private final ReturnWhen returnWhen;
    private final double timeoutSeconds;
    private Future<Void> waiter;
    private EventLoop.TimerHandle timer;
    private Consumer<Future<T>> onCompletion;
    private int counter;

    @SuppressWarnings("unchecked")
    Wait(Collection<? extends Future<? extends T>> futures, ReturnWhen returnWhen, double timeoutSeconds) {
        java.util.Objects.requireNonNull(futures, "futures");
        java.util.Objects.requireNonNull(returnWhen, "returnWhen");
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
        }
        if (Double.isNaN(timeoutSeconds)) {
            throw new IllegalArgumentException("wait timeout must be a number, got NaN");
        }
        LinkedHashSet<Future<T>> distinct = new LinkedHashSet<>();
        for (Future<? extends T> f : futures) {
            distinct.add((Future<T>) java.util.Objects.requireNonNull(f, "future in collection"));
        }
        this.futures = new ArrayList<>(distinct);
        this.returnWhen = returnWhen;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    protected void step() throws Throwable {
        switch (state) {
            case 0:
                EventLoop loop = task.loop();
                waiter = loop.createFuture();
                if (timeoutSeconds != Double.POSITIVE_INFINITY) {
                    timer = loop.callLater(Math.max(0, timeoutSeconds), this::releaseWaiter);
                }
                counter = futures.size();
                onCompletion = this::onCompletion;
                for (Future<T> f : futures) {
                    f.addDoneCallback(onCompletion);
                }
                state = 1;
                awaits(waiter); // a new future is pending: this always suspends
                return;
            case 1:
                try {
                    awaited();
                } finally {
                    if (timer != null) {
                        timer.cancel();
                    }
                    for (Future<T> f : futures) {
                        f.removeDoneCallback(onCompletion);
                    }
                }
                List<Future<T>> done = new ArrayList<>();
                List<Future<T>> pending = new ArrayList<>();
                for (Future<T> f : futures) {
                    (f.isDone() ? done : pending).add(f);
                }
                complete(new WaitResult<>(new LinkedHashSet<>(done), new LinkedHashSet<>(pending)));
                return;
            default:
                throw new IllegalStateException("bad state " + state);
        }
    }

    private void onCompletion(Future<T> f) {
        counter--;
        if (counter <= 0 || returnWhen == ReturnWhen.FIRST_COMPLETED
                || returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.isCancelled() && f.exception() != null) {
            releaseWaiter();
        }
    }

    private void releaseWaiter() {
        if (timer != null) {
            timer.cancel();
        }
        if (!waiter.isDone()) {
            waiter.setResult(null);
        }
    }

    @Override
    public String toString() {
        return "wait(" + futures.size() + " futures, " + returnWhen + ")";
    }
}
