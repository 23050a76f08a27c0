package io.jawait;

/**
 * An iterator whose {@link #hasNext()} may wait (Python's {@code __anext__}, split in two).
 *
 * @param <T> the element type
 */
public interface AsyncIterator<T> {
    /**
     * Waits until the next element is available or the sequence has ended.
     *
     * @return a coroutine producing whether {@link #next()} has an element
     */
    Coroutine<Boolean> hasNext();

    /**
     * The element made available by the last {@code hasNext()} that produced {@code true}.
     *
     * @return the element
     * @throws java.util.NoSuchElementException if there is none
     */
    T next();
}
