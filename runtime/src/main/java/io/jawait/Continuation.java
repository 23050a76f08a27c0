package io.jawait;

/**
 * The rest of a statement after an await whose result is needed inside a larger expression.
 *
 * <p>Used by compiled state machines ({@link Coroutine#awaitsThen(Awaitable, Continuation)}): the
 * parameter's type is inferred by javac from the awaitable, so generated code never has to write
 * the type of an intermediate value.
 *
 * @param <T> the awaited value's type
 */
@FunctionalInterface
public interface Continuation<T> {
    /**
     * Continues the statement with the awaited value.
     *
     * @param value the awaited value
     * @throws Throwable whatever the rest of the statement throws
     */
    void resume(T value) throws Throwable;
}
