package io.jawait.bench.timers;

import io.jawait.bench.Sizes;
import io.jawait.bench.kotlin.KotlinWorkloads;
import io.jawait.bench.peers.CompletableFutureWorkloads;
import io.jawait.bench.peers.VirtualThreadWorkloads;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * W5 in a fresh JVM: wall time for {@link Sizes#TIMER_TASKS} tasks each sleeping a random
 * 0-{@link Sizes#TIMER_MAX_MILLIS} ms (the same delays for every peer). Two warm-up runs, then
 * {@code runs} measured ones; prints {@code RESULT medianMillis <ms>} and {@code RESULT minMillis <ms>}.
 * Peers: {@code jawait}, {@code kotlin}, {@code virtualThreads}, {@code completableFuture}.
 */
public final class TimerRunner {
    private TimerRunner() {
    }

    /** @param args the peer, and optionally the number of measured runs */
    public static void main(String[] args) throws Exception {
        String peer = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long[] delays = Sizes.timerDelaysMillis();
        ExecutorService loop = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < 2; i++) {
                once(peer, delays, loop);
            }
            double[] millis = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                once(peer, delays, loop);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.println("RESULT medianMillis " + millis[runs / 2]);
            System.out.println("RESULT minMillis " + millis[0]);
        } finally {
            loop.shutdown();
        }
    }

    private static void once(String peer, long[] delays, ExecutorService loop) throws Exception {
        switch (peer) {
            case "kotlin":
                KotlinWorkloads.timers(delays);
                break;
            case "virtualThreads":
                VirtualThreadWorkloads.timers(delays);
                break;
            case "completableFuture":
                CompletableFutureWorkloads.timers(loop, delays);
                break;
            case "jawait":
                // In src/jawait/java: compiled only when the jawait workloads are (see README).
                Class.forName("io.jawait.bench.jawait.JawaitBench").getMethod("timers", long[].class)
                        .invoke(null, (Object) delays);
                break;
            default:
                throw new IllegalArgumentException("unknown peer " + peer);
        }
    }
}
