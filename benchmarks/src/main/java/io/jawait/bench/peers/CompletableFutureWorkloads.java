package io.jawait.bench.peers;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The {@link CompletableFuture} peer: callback chains on a single-thread executor, the closest
 * thing plain Java has to an event loop.
 */
public final class CompletableFutureWorkloads {
    private CompletableFutureWorkloads() {
    }

    /**
     * W1: {@code n} tasks, each scheduled on {@code loop}, yielding once (a second hop through the
     * executor) and returning its index; all joined and summed.
     */
    public static long spawnAndGather(Executor loop, int n) {
        return CompletableFuture.supplyAsync(() -> {
            @SuppressWarnings("unchecked")
            CompletableFuture<Integer>[] tasks = new CompletableFuture[n];
            for (int i = 0; i < n; i++) {
                int value = i;
                tasks[i] = CompletableFuture.runAsync(() -> { }, loop).thenApplyAsync(ignored -> value, loop);
            }
            return CompletableFuture.allOf(tasks).thenApply(ignored -> {
                long sum = 0;
                for (CompletableFuture<Integer> t : tasks) {
                    sum += t.join();
                }
                return sum;
            });
        }, loop).thenCompose(f -> f).join();
    }

    /** W5: one delayed completion per delay (milliseconds), all joined. */
    public static void timers(Executor loop, long[] delaysMillis) {
        CompletableFuture<?>[] sleepers = new CompletableFuture[delaysMillis.length];
        for (int i = 0; i < sleepers.length; i++) {
            sleepers[i] = CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(delaysMillis[i], TimeUnit.MILLISECONDS, loop));
        }
        CompletableFuture.allOf(sleepers).join();
    }
}
