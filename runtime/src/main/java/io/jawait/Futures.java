package io.jawait;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Small helpers shared by the future implementations; not API. */
final class Futures {
    private Futures() {
    }

    /** Throws {@code t} without declaring it: awaits surface the original exception object. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    /** The original failure behind a {@code CompletableFuture} wrapper exception. */
    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof CancellationException && !(t instanceof CancelledExceptionBridge)) {
            CancelledException c = new CancelledException(t.getMessage());
            c.initCause(t);
            return c;
        }
        if (t instanceof CancelledExceptionBridge b) {
            return b.original;
        }
        return t;
    }

    /** The value of a done {@code CompletableFuture}, its failure thrown unwrapped. */
    static Object join(CompletableFuture<?> cf) throws Throwable {
        try {
            return cf.join();
        } catch (CompletionException | CancellationException e) {
            throw unwrap(e);
        }
    }

    /** A {@link CancellationException} that remembers the {@link CancelledException} it stands for. */
    static final class CancelledExceptionBridge extends CancellationException {
        private static final long serialVersionUID = 1L;
        final transient CancelledException original;

        CancelledExceptionBridge(CancelledException original) {
            super(original.getMessage());
            this.original = original;
            initCause(original);
        }
    }
}
