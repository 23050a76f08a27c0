package io.jawait;

import java.util.Iterator;

/**
 * Python's {@code async for} in Java: in an {@code @Async} body, an enhanced {@code for} over an
 * {@code AsyncIterable} awaits {@link AsyncIterator#hasNext()} before each element.
 *
 * <p>It extends {@link Iterable} only so that the enhanced {@code for} type-checks in javac and
 * IDEs; {@link #iterator()} throws when reached outside compiled code.
 *
 * @param <T> the element type
 */
public interface AsyncIterable<T> extends Iterable<T> {
    /** @return a new asynchronous iterator */
    AsyncIterator<T> asyncIterator();

    /**
     * Not for use: reached only by code that was not compiled by the jawait processor.
     *
     * @throws IllegalStateException always
     */
    @Override
    default Iterator<T> iterator() {
        throw new IllegalStateException("AsyncIterable.iterator() reached outside a compiled @Async method: "
                + "iterate with an enhanced for inside an @Async method, or use asyncIterator()");
    }
}
