package io.jawait;

/**
 * Anything {@link Asyncio#await(Awaitable)} accepts: a {@link Coroutine}, a {@link Future} or a
 * {@link Task}.
 *
 * <p>The interface is sealed so that the runtime knows every kind of awaitable: awaiting a done
 * future never suspends, awaiting a coroutine runs it inline in the awaiting task, and awaiting a
 * pending future suspends the task until the future completes.
 *
 * @param <T> the type of the value the awaitable produces
 */
public sealed interface Awaitable<T> permits Coroutine, Future {
}
