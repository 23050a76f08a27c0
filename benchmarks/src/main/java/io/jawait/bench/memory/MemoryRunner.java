package io.jawait.bench.memory;

import io.jawait.bench.Sizes;
import io.jawait.bench.kotlin.KotlinWorkloads;
import io.jawait.bench.peers.VirtualThreadWorkloads;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * W4 in a fresh JVM: the heap retained per suspended task, measured as the heap in use after
 * forced full GCs while {@link Sizes#SUSPENDED_TASKS} tasks wait on one event, minus the heap in
 * use before they were created. Peers: {@code jawait}, {@code virtualThreads}, {@code kotlin}.
 * Prints {@code RESULT bytesPerTask <n>}. Run it with a fixed-size heap and the serial collector
 * (compacting, so "used" is the live data).
 */
public final class MemoryRunner {
    private MemoryRunner() {
    }

    /** @param args the peer, and optionally the task count */
    public static void main(String[] args) throws Exception {
        String peer = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : Sizes.SUSPENDED_TASKS;
        suspendAndMeasure(peer, Math.min(n, 10_000), MemoryRunner::usedAfterGc); // loads every class
        long before = usedAfterGc();
        long peak = suspendAndMeasure(peer, n, MemoryRunner::usedAfterGc);
        System.out.println("RESULT bytesPerTask " + (double) (peak - before) / n);
    }

    private static long suspendAndMeasure(String peer, int n, LongSupplier atPeak) throws Exception {
        switch (peer) {
            case "virtualThreads":
                return VirtualThreadWorkloads.heapWithParked(n, atPeak);
            case "kotlin":
                return KotlinWorkloads.heapWithSuspended(n, atPeak);
            case "jawait":
                // In src/jawait/java: compiled only when the jawait workloads are (see README).
                return (long) Class.forName("io.jawait.bench.jawait.JawaitBench")
                        .getMethod("heapWithSuspended", int.class, LongSupplier.class).invoke(null, n, atPeak);
            default:
                throw new IllegalArgumentException("unknown peer " + peer);
        }
    }

    /** The heap in use after full collections, once it stops shrinking. */
    static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
