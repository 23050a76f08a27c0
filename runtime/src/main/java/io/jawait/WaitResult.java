package io.jawait;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@link Asyncio#wait(java.util.Collection, ReturnWhen)} produces: the futures that were done
 * when it returned, and those still pending (asyncio's {@code (done, pending)} pair). Both sets
 * are unmodifiable, keep the order of the caller's collection, and hold the caller's own future objects.
 *
 * @param done the futures done (with a result, a failure, or cancelled)
 * @param pending the futures not done yet; {@code wait} never cancels them
 * @param <T> the futures' result type
 */
public record WaitResult<T>(Set<Future<T>> done, Set<Future<T>> pending) {
    /**
     * Makes a result holding unmodifiable, order-preserving copies of both sets.
     *
     * @param done the futures done
     * @param pending the futures still pending
     */
    public WaitResult {
        done = Collections.unmodifiableSet(new LinkedHashSet<>(done));
        pending = Collections.unmodifiableSet(new LinkedHashSet<>(pending));
    }
}
