package io.jawait;

/** When {@link Asyncio#wait(java.util.Collection, ReturnWhen)} returns (asyncio's constants). */
public enum ReturnWhen {
    /** As soon as any future is done or cancelled. */
    FIRST_COMPLETED,
    /** As soon as any future fails with an exception, or when all are done. A cancellation is not an exception here. */
    FIRST_EXCEPTION,
    /** When every future is done or cancelled. */
    ALL_COMPLETED
}
