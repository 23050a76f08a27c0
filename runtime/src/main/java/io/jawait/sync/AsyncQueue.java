package io.jawait.sync;

import io.jawait.Coroutine;
import io.jawait.Future;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Queue;

/**
 * A queue between tasks of one event loop (asyncio's {@code Queue}, {@code LifoQueue} and
 * {@code PriorityQueue}, with Python 3.13's shutdown).
 *
 * <p>{@link #put(Object)} waits while the queue is full and {@link #get()} waits while it is
 * empty; waiters are served in FIFO order. Each put counts an unfinished task, which a consumer
 * ends with {@link #taskDone()}; {@link #join()} waits until none is left. Usage in an
 * {@code @Async} method:
 * <pre>{@code
 * AsyncQueue<Job> jobs = AsyncQueue.fifo(100);
 * await(jobs.put(job));              // producer
 * Job next = await(jobs.get());      // consumer
 * try { run(next); } finally { jobs.taskDone(); }
 * await(jobs.join());                // all jobs processed
 * }</pre>
 *
 * <p>Cancellation never loses or duplicates an item: a getter takes its item only once it runs
 * again, and a getter (or putter) cancelled after it was woken passes the wake-up on to the next
 * in line. Items must not be {@code null}. Use a queue only from its loop's thread.
 *
 * @param <T> the element type
 */
public final class AsyncQueue<T> {
    private final Queue<T> items;
    private final int maxsize;
    private final Waiters getters = new Waiters(this);
    private final Waiters putters = new Waiters(this);
    private final Event finished = new Event();
    private int unfinishedTasks;
    private boolean shutDown;

    private AsyncQueue(Queue<T> items, int maxsize) {
        this.items = items;
        this.maxsize = maxsize;
        finished.set();
    }

    /**
     * A first-in, first-out queue (asyncio's {@code Queue}).
     *
     * @param maxsize the capacity; {@code <= 0} means unbounded
     * @param <T> the element type
     * @return a new empty queue
     */
    public static <T> AsyncQueue<T> fifo(int maxsize) {
        return new AsyncQueue<>(new ArrayDeque<>(), maxsize);
    }

    /**
     * A last-in, first-out queue (asyncio's {@code LifoQueue}).
     *
     * @param maxsize the capacity; {@code <= 0} means unbounded
     * @param <T> the element type
     * @return a new empty queue
     */
    public static <T> AsyncQueue<T> lifo(int maxsize) {
        return new AsyncQueue<>(Collections.asLifoQueue(new ArrayDeque<>()), maxsize);
    }

    /**
     * A queue that hands out its least element first (asyncio's {@code PriorityQueue}); equal
     * elements come out in no particular order.
     *
     * @param order the order of the elements
     * @param maxsize the capacity; {@code <= 0} means unbounded
     * @param <T> the element type
     * @return a new empty queue
     */
    public static <T> AsyncQueue<T> priority(Comparator<? super T> order, int maxsize) {
        return new AsyncQueue<>(new PriorityQueue<>(Objects.requireNonNull(order, "order")), maxsize);
    }

    /** @return the number of items in the queue */
    public int size() {
        return items.size();
    }

    /** @return the capacity given at creation; {@code <= 0} means unbounded */
    public int maxsize() {
        return maxsize;
    }

    /** @return whether the queue has no items */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** @return whether the queue is bounded and holds {@code maxsize} items */
    public boolean isFull() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    /**
     * Puts {@code item} into the queue, waiting while it is full.
     *
     * @param item the item, not {@code null}
     * @return a coroutine that completes once the item is in the queue; it fails with
     *     {@link QueueShutDownException} if the queue is or gets shut down first
     * @throws NullPointerException if {@code item} is null
     */
    public Coroutine<Void> put(T item) {
        Objects.requireNonNull(item, "AsyncQueue items must not be null");
        return new Put<>(this, item);
    }

    /**
     * Removes and returns an item, waiting while the queue is empty.
     *
     * @return a coroutine producing the item; it fails with {@link QueueShutDownException} if the
     *     queue is shut down and empty
     */
    public Coroutine<T> get() {
        return new Get<>(this);
    }

    /**
     * Puts {@code item} into the queue without waiting.
     *
     * @param item the item, not {@code null}
     * @throws QueueFullException if the queue is full
     * @throws QueueShutDownException if the queue is shut down
     * @throws NullPointerException if {@code item} is null
     */
    public void putNowait(T item) {
        Objects.requireNonNull(item, "AsyncQueue items must not be null");
        if (shutDown) {
            throw new QueueShutDownException();
        }
        if (isFull()) {
            throw new QueueFullException();
        }
        items.add(item);
        unfinishedTasks++;
        finished.clear();
        getters.popAndWakeNext();
    }

    /**
     * Removes and returns an item without waiting.
     *
     * @return the item
     * @throws QueueEmptyException if the queue is empty
     * @throws QueueShutDownException if the queue is empty and shut down
     */
    public T getNowait() {
        if (items.isEmpty()) {
            if (shutDown) {
                throw new QueueShutDownException();
            }
            throw new QueueEmptyException();
        }
        T item = items.remove();
        putters.popAndWakeNext();
        return item;
    }

    /**
     * Marks one item taken from the queue as processed; when every item put has been marked,
     * {@link #join()} callers are released.
     *
     * @throws IllegalStateException if called more times than items were put
     *     ("task_done() called too many times")
     */
    public void taskDone() {
        if (unfinishedTasks <= 0) {
            throw new IllegalStateException("task_done() called too many times");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            finished.set();
        }
    }

    /**
     * Waits until every item put has been marked done with {@link #taskDone()}.
     *
     * @return a coroutine that completes at once if no task is unfinished
     */
    public Coroutine<Void> join() {
        return Coroutine.defer("AsyncQueue.join()", () -> unfinishedTasks == 0 ? Coroutine.done() : finished.waitSet());
    }

    /**
     * Shuts the queue down (Python 3.13): later puts fail with {@link QueueShutDownException},
     * gets fail once the queue is empty, and every task waiting in {@code put} or {@code get} is
     * woken to fail the same way (a woken getter still takes an item if one is left). With
     * {@code immediate}, the remaining items are discarded and counted as done, releasing
     * {@link #join()} callers. Calling it again is allowed.
     *
     * @param immediate whether to discard the remaining items
     */
    public void shutdown(boolean immediate) {
        shutDown = true;
        if (immediate) {
            while (!items.isEmpty()) {
                items.remove();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        getters.popAndWakeAll();
        putters.popAndWakeAll();
    }

    /** @return whether {@link #shutdown(boolean)} was called */
    public boolean isShutDown() {
        return shutDown;
    }

    /** Number of queued getters, for tests. */
    int getterCount() {
        return getters.size();
    }

    /** Number of queued putters, for tests. */
    int putterCount() {
        return putters.size();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("AsyncQueue[maxsize=").append(maxsize).append(", size=").append(items.size());
        if (!getters.isEmpty()) {
            s.append(", getters:").append(getters.size());
        }
        if (!putters.isEmpty()) {
            s.append(", putters:").append(putters.size());
        }
        if (unfinishedTasks > 0) {
            s.append(", tasks=").append(unfinishedTasks);
        }
        if (shutDown) {
            s.append(", shut down");
        }
        return s.append(']').toString();
    }

    /**
     * The coroutines behind {@link #put(Object)} and {@link #get()}, modelled on CPython 3.13's
     * {@code Queue.put} and {@code Queue.get}: wait in line until the operation can be done, and
     * on a failure (a cancellation) leave the line, passing a wake-up on that will not be used.
     * Static classes with one reference to the queue (an inner class and its inner subclass
     * would each keep one: 56 bytes a put instead of 48). An awaited coroutine's first step runs
     * inside the await ({@link Coroutine}), so a put with room or a get with an item costs this
     * object and nothing more.
     */
    private abstract static class Waiting<T, R> extends Coroutine<R> {
        final AsyncQueue<T> queue;
        private Future<Void> waiter;

        Waiting(AsyncQueue<T> queue) {
            this.queue = queue;
        }

        /** @return the line this operation waits in */
        abstract Waiters line();

        /** @return whether the operation can be done now */
        abstract boolean ready();

        /** Does the operation (it is ready) and completes this coroutine. */
        abstract void finish();

        @Override
        protected void step() throws Throwable {
            for (;;) {
                switch (state) {
                    case 0:
                        if (ready()) {
                            finish();
                            return;
                        }
                        if (queue.shutDown) {
                            throw new QueueShutDownException();
                        }
                        waiter = line().enqueue();
                        state = 1;
                        if (awaits(waiter)) {
                            return;
                        }
                        // fall through
                    case 1:
                        try {
                            awaited();
                        } catch (Throwable e) {
                            waiter.cancel();
                            line().remove(waiter);
                            if (ready() && !waiter.isCancelled()) {
                                // Woken for a slot or an item we will not use: wake the next in line.
                                line().popAndWakeNext();
                            }
                            throw e;
                        }
                        state = 0;
                        continue;
                    default:
                        throw new IllegalStateException("bad state " + state);
                }
            }
        }
    }

    private static final class Put<T> extends Waiting<T, Void> {
        private final T item;

        Put(AsyncQueue<T> queue, T item) {
            super(queue);
            this.item = item;
        }

        @Override
        Waiters line() {
            return queue.putters;
        }

        @Override
        boolean ready() {
            return !queue.isFull();
        }

        @Override
        void finish() {
            queue.putNowait(item);
            complete(null);
        }

        @Override
        public String toString() {
            return "AsyncQueue.put(" + item + ")";
        }
    }

    private static final class Get<T> extends Waiting<T, T> {
        Get(AsyncQueue<T> queue) {
            super(queue);
        }

        @Override
        Waiters line() {
            return queue.getters;
        }

        @Override
        boolean ready() {
            return !queue.items.isEmpty();
        }

        @Override
        void finish() {
            complete(queue.getNowait());
        }

        @Override
        public String toString() {
            return "AsyncQueue.get()";
        }
    }
}
