package io.jawait;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** How many different children there are; set once they are all watched. */
    private int distinct;
    private int finished;
    private boolean cancelRequested;

    private Gather(EventLoop loop, List<Future<? extends T>> children, boolean returnExceptions) {
        super(loop);
        this.children = children;
        this.returnExceptions = returnExceptions;
    }

    static <T> Future<List<T>> of(Collection<? extends Awaitable<? extends T>> awaitables, boolean returnExceptions) {
        EventLoop loop = Combinators.loopFor(awaitables);
        if (awaitables.isEmpty()) {
            Future<List<T>> empty = loop.createFuture();
            empty.setResult(new ArrayList<>());
            return empty;
        }
        List<Future<? extends T>> children = new ArrayList<>(awaitables.size());
        // A coroutine given twice shares one task. A repeat is already claimed when met again, so
        // the map from coroutines to their tasks is built only when one shows up: hashing every
        // child took most of the time of gathering a million tasks.
        Map<Coroutine<?>, Future<? extends T>> tasks = null;
        for (Awaitable<? extends T> a : awaitables) {
            Future<? extends T> child = null;
            if (a instanceof Coroutine<?> c) {
                if (tasks == null && c.isClaimed()) {
                    tasks = tasksByCoroutine(awaitables, children);
                }
                child = tasks == null ? null : tasks.get(c);
            }
            if (child == null) {
                child = Combinators.ensureFuture(loop, a); // throws for a coroutine awaited elsewhere
                if (tasks != null && a instanceof Coroutine<?> c) {
                    tasks.put(c, child);
                }
            }
            children.add(child);
        }
        Gather<T> outer = new Gather<>(loop, children, returnExceptions);
        Consumer<Future<?>> onChildDone = outer::childDone;
        // The same future given twice is watched once: a pending repeat already ends with our
        // callback (nothing else runs while we register), a done one is found in a set of the
        // done children, which usually stays empty.
        List<Future<? extends T>> alreadyDone = null;
        Set<Future<?>> doneSeen = null;
        int distinct = 0;
        for (Future<? extends T> child : children) {
            if (child.isDone()) {
                if (doneSeen == null) {
                    doneSeen = Collections.newSetFromMap(new IdentityHashMap<>());
                    alreadyDone = new ArrayList<>();
                }
                if (doneSeen.add(child)) {
                    alreadyDone.add(child);
                    distinct++;
                }
            } else if (!child.lastEntryIs(onChildDone)) {
                child.addDoneCallback(onChildDone);
                distinct++;
            }
        }
        outer.distinct = distinct;
        // As CPython does: children done already are counted now, so gathering done futures
        // gives a done future.
        if (alreadyDone != null) {
            for (Future<? extends T> child : alreadyDone) {
                outer.childDone(child);
            }
        }
        return outer;
    }

    /** The tasks made so far for the coroutines among the first {@code made.size()} awaitables. */
    private static <T> Map<Coroutine<?>, Future<? extends T>> tasksByCoroutine(
            Collection<? extends Awaitable<? extends T>> awaitables, List<Future<? extends T>> made) {
        Map<Coroutine<?>, Future<? extends T>> tasks = new IdentityHashMap<>();
        Iterator<? extends Awaitable<? extends T>> it = awaitables.iterator();
        for (Future<? extends T> child : made) {
            if (it.next() instanceof Coroutine<?> c) {
                tasks.put(c, child);
            }
        }
        return tasks;
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
