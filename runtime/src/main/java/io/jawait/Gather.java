package io.jawait;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The future returned by {@link Asyncio#gather(Awaitable[])} and
 * {@link Asyncio#gatherReturnExceptions(Awaitable[])} (CPython's {@code _GatheringFuture}).
 *
 * <p>Coroutines become tasks; the same awaitable given twice shares one child. The result lists
 * the children's results in argument order. Without {@code returnExceptions} the first failure
 * (a child's cancellation counts, as a {@link CancelledException}) fails this future at once while
 * the other children keep running; with it, failures appear in the list as the Throwable.
 * Cancelling this future cancels every unfinished child, and this future then ends with a
 * {@link CancelledException} whatever {@code returnExceptions} says.
 */
final class Gather<T> extends Future<List<T>> {
    private final List<Future<? extends T>> children;
    private final boolean returnExceptions;
    private final int distinct;
    private int finished;
    private boolean cancelRequested;

    private Gather(EventLoop loop, List<Future<? extends T>> children, int distinct, boolean returnExceptions) {
        super(loop);
        this.children = children;
        this.distinct = distinct;
        this.returnExceptions = returnExceptions;
    }

    static <T> Future<List<T>> of(Collection<? extends Awaitable<? extends T>> awaitables, boolean returnExceptions) {
        EventLoop loop = Combinators.loopFor(awaitables);
        if (awaitables.isEmpty()) {
            Future<List<T>> empty = loop.createFuture();
            empty.setResult(new ArrayList<>());
            return empty;
        }
        // The same awaitable given twice shares one child. An IdentityHashMap sized up front: a
        // LinkedHashMap here took most of the time of gathering a million tasks.
        Map<Awaitable<?>, Future<? extends T>> seen = new IdentityHashMap<>(awaitables.size());
        List<Future<? extends T>> children = new ArrayList<>(awaitables.size());
        List<Future<? extends T>> distinct = new ArrayList<>(awaitables.size());
        for (Awaitable<? extends T> a : awaitables) {
            Future<? extends T> child = seen.get(a);
            if (child == null) {
                child = Combinators.ensureFuture(loop, a);
                seen.put(a, child);
                distinct.add(child);
            }
            children.add(child);
        }
        Gather<T> outer = new Gather<>(loop, children, distinct.size(), returnExceptions);
        Consumer<Future<?>> onChildDone = outer::childDone;
        List<Future<? extends T>> alreadyDone = new ArrayList<>();
        for (Future<? extends T> child : distinct) {
            if (child.isDone()) {
                alreadyDone.add(child);
            } else {
                child.addDoneCallback(onChildDone);
            }
        }
        // As CPython does: children done already are counted now, so gathering done futures
        // gives a done future.
        for (Future<? extends T> child : alreadyDone) {
            outer.childDone(child);
        }
        return outer;
    }

    /**
     * Cancels every unfinished child; this future completes, cancelled, once they are done.
     *
     * @param message passed on to the children
     * @return whether any child was cancelled
     */
    @Override
    public boolean cancel(String message) {
        if (isDone()) {
            return false;
        }
        boolean any = false;
        for (Future<? extends T> child : children) {
            any |= child.cancel(message);
        }
        if (any) {
            cancelRequested = true;
        }
        return any;
    }

    private void childDone(Future<?> child) {
        finished++;
        if (isDone()) {
            if (!child.isCancelled()) {
                child.exception(); // marks the failure retrieved: it was superseded
            }
            return;
        }
        if (!returnExceptions) {
            if (child.isCancelled()) {
                setException(child.cancelledException());
                return;
            }
            Throwable failure = child.exception();
            if (failure != null) {
                setException(failure);
                return;
            }
        }
        if (finished == distinct) {
            completeWithResults(child);
        }
    }

    @SuppressWarnings("unchecked")
    private void completeWithResults(Future<?> last) {
        List<Object> results = new ArrayList<>(children.size());
        for (Future<? extends T> child : children) {
            if (child.isCancelled()) {
                results.add(child.cancelledException());
            } else {
                Throwable failure = child.exception();
                results.add(failure != null ? failure : child.result());
            }
        }
        if (cancelRequested) {
            setException(last.isCancelled() ? last.cancelledException() : new CancelledException());
        } else {
            setResult((List<T>) results);
        }
    }
}
