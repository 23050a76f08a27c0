package io.jawait.bench.peers;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads, reached reflectively: the module compiles for Java 17, and the virtual-thread
 * peers run only when the benchmarks run on a JDK that has them (the report says so on 17).
 */
public final class VirtualThreads {
    private VirtualThreads() {
    }

    /** @return whether this JVM has virtual threads (JDK 21 and later) */
    public static boolean available() {
        return Runtime.version().feature() >= 21;
    }

    /** @return {@code Executors.newVirtualThreadPerTaskExecutor()} */
    public static ExecutorService perTaskExecutor() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new UnsupportedOperationException("virtual threads need JDK 21+, running " + Runtime.version(), e);
        }
    }

    /** @return {@code Thread.ofVirtual().factory()} */
    public static ThreadFactory factory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new UnsupportedOperationException("virtual threads need JDK 21+, running " + Runtime.version(), e);
        }
    }
}
