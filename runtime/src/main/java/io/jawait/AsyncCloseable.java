package io.jawait;

/**
 * Python's {@code async with} in Java: in an {@code @Async} body, a try-with-resources over an
 * {@code AsyncCloseable} awaits {@link #closeAsync()} when the body completes normally, and
 * {@link #closeAsync(Throwable)} when it throws.
 *
 * <p>The synchronous {@link #close()} exists only so that the source type-checks in javac and
 * IDEs; compiled code never calls it. Implementations narrow its checked exceptions to what
 * {@code closeAsync()} can fail with (for example {@code Timeout.close() throws TimeoutException})
 * so that {@code catch} clauses around the {@code try} type-check.
 */
// close() keeps AutoCloseable's "throws Exception" so that implementations can narrow it.
@SuppressWarnings("try")
public interface AsyncCloseable extends AutoCloseable {
    /**
     * Releases the resource after a body that completed normally.
     *
     * @return a coroutine the compiled try-with-resources awaits
     */
    Coroutine<Void> closeAsync();

    /**
     * Releases the resource after a body that threw {@code failure} (Python's {@code __aexit__}
     * with an exception). If the returned coroutine completes normally the failure is suppressed;
     * if it throws, what it throws propagates. The default awaits {@link #closeAsync()}, adds its
     * failure (if any) to {@code failure.addSuppressed}, and rethrows {@code failure}: Java's
     * usual try-with-resources rule.
     *
     * @param failure what the body threw
     * @return a coroutine the compiled try-with-resources awaits
     */
    default Coroutine<Void> closeAsync(Throwable failure) {
        return new CloseAfterFailure(closeAsync(), failure);
    }

    /**
     * Not for use: reached only by code that was not compiled by the jawait processor.
     *
     * @throws Exception never in compiled code
     * @throws IllegalStateException always
     */
    @Override
    default void close() throws Exception {
        throw new IllegalStateException("AsyncCloseable.close() reached outside a compiled @Async method: "
                + "use try-with-resources inside an @Async method, or await closeAsync()");
    }
}
