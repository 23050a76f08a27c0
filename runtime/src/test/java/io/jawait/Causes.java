package io.jawait;

import static org.junit.jupiter.api.Assertions.fail;

/** Finds an exception of a type along a cause chain. */
final class Causes {
    private Causes() {
    }

    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return fail("no " + type.getSimpleName() + " among the causes of " + t);
    }
}
