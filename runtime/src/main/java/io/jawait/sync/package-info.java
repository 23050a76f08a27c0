/**
 * Synchronization primitives and queues for tasks on one event loop, modelled on asyncio's
 * {@code locks.py} and {@code queues.py}: {@link io.jawait.sync.Lock}, {@link io.jawait.sync.Event},
 * {@link io.jawait.sync.Condition}, {@link io.jawait.sync.Semaphore},
 * {@link io.jawait.sync.BoundedSemaphore}, {@link io.jawait.sync.Barrier} and
 * {@link io.jawait.sync.AsyncQueue}.
 *
 * <p>Every primitive parks waiting tasks on loop futures kept in a FIFO deque, and handles a
 * cancellation at every waiting point so that no grant, permit, signal or item is lost. They are
 * not thread-safe: use each one only from the thread of the loop its tasks run on. Waiting
 * operations return a {@link io.jawait.Coroutine} to {@code await}; {@code Lock},
 * {@code Condition} and {@code Semaphore} also offer {@code hold()}, producing a
 * {@link io.jawait.sync.Held} handle for try-with-resources (Python's {@code async with}).
 */
package io.jawait.sync;
