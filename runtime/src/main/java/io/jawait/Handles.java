package io.jawait;

/** Internal ready-queue entries. */
final class Handles {
    private Handles() {
    }

    /** A done callback added to a future that was already done. */
    static final class FutureCallback extends EventLoop.Handle {
        FutureCallback(Future<?> future, Object entry) {
            super(() -> future.runEntry(entry));
        }
    }
}
