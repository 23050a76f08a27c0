package io.jawait.processor.diagnostics;

/**
 * Every error the processor reports, with the stable id printed in brackets at the start of the
 * message (for example {@code [AwaitInLambda]}). Ids never change meaning; docs/diagnostics.md
 * has a wrong and a fixed example for each.
 */
public enum DiagnosticId {
    /** {@code await(...)} whose nearest enclosing method or lambda is not an {@code @Async} method. */
    AWAIT_OUTSIDE_ASYNC("AwaitOutsideAsync"),
    /** {@code await(...)} inside a lambda in an {@code @Async} method. */
    AWAIT_IN_LAMBDA("AwaitInLambda"),
    /**
     * {@code await(...)} in code of an anonymous or local class declared in an {@code @Async}
     * method, unless that code is itself an {@code @Async} method.
     */
    AWAIT_IN_LOCAL_CLASS("AwaitInLocalClass"),
    /**
     * {@code await(...)} inside a {@code synchronized} block, or an {@code @Async} method declared
     * {@code synchronized} (its body runs later, not under the monitor).
     */
    AWAIT_IN_SYNCHRONIZED("AwaitInSynchronized"),
    /** {@code Asyncio::await} used as a method reference. */
    AWAIT_METHOD_REFERENCE("AwaitMethodReference"),
    /** {@code @Async} on a method whose return type is not {@code io.jawait.Coroutine<T>}. */
    ASYNC_RETURN_TYPE("AsyncReturnType"),
    /** {@code @Async} on an abstract or native method (no body to compile). */
    ASYNC_WITHOUT_BODY("AsyncWithoutBody"),
    /** A local that lives across an await and whose type cannot be written in source. */
    NON_DENOTABLE_LOCAL("NonDenotableLocal"),
    /** The compiler's JVM lacks the {@code --add-exports} the processor needs. */
    JAVAC_ACCESS("JavacAccess"),
    /** A compiler without javac's tree API (for example Eclipse's ECJ). */
    UNSUPPORTED_COMPILER("UnsupportedCompiler"),
    /** A construct the compiler does not support yet, reported instead of miscompiling it. */
    UNSUPPORTED_CONSTRUCT("UnsupportedConstruct"),
    /** An unexpected failure inside the processor, reported at the method it was compiling. */
    INTERNAL_ERROR("AsyncInternalError");

    private final String id;

    DiagnosticId(String id) {
        this.id = id;
    }

    /** @return the id as printed, without brackets */
    public String id() {
        return id;
    }

    /**
     * @param message the rest of the message
     * @return {@code [Id] message}
     */
    public String format(String message) {
        return "[" + id + "] " + message;
    }
}
