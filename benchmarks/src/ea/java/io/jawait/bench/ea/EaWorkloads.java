package io.jawait.bench.ea;

import static com.ea.async.Async.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The ea-async 1.2.3 peer: methods returning {@link CompletableFuture} that call
 * {@code Async.await}, rewritten at class-load time by ea-async's java agent (the benchmark JVM
 * runs with {@code -javaagent:ea-async-1.2.3.jar}). Compiled for Java 11: ea-async's ASM 7.1
 * cannot read newer class files.
 */
public final class EaWorkloads {
    private EaWorkloads() {
    }

    /** W1's task: yields once (a hop through {@code loop}), then returns {@code value}. */
    static CompletableFuture<Integer> child(int value, Executor loop) {
        await(CompletableFuture.runAsync(() -> { }, loop));
        return CompletableFuture.completedFuture(value);
    }

    /** W1's body: spawns {@code n} children, awaits them all and sums their results. */
    static CompletableFuture<Long> spawnAndGather(int n, Executor loop) {
        List<CompletableFuture<Integer>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(child(i, loop));
        }
        await(CompletableFuture.allOf(tasks.toArray(new CompletableFuture<?>[0])));
        long sum = 0;
        for (CompletableFuture<Integer> t : tasks) {
            int v = await(t);
            sum += v;
        }
        return CompletableFuture.completedFuture(sum);
    }

    /**
     * W1: runs {@link #spawnAndGather} on the single-thread executor {@code loop}.
     *
     * @return the sum of 0..n-1
     */
    public static long runSpawnAndGather(Executor loop, int n) {
        return CompletableFuture.supplyAsync(() -> spawnAndGather(n, loop), loop).thenCompose(f -> f).join();
    }

    /** W3's body: {@code n} awaits of already-completed futures in one async method. */
    static CompletableFuture<Long> awaitDone(CompletableFuture<Integer>[] done, int n) {
        int mask = done.length - 1;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            int v = await(done[i & mask]);
            sum += v;
        }
        return CompletableFuture.completedFuture(sum);
    }

    /**
     * W3: {@code n} awaits of the already-completed futures {@code done} (a power-of-two count).
     *
     * @return the sum of the awaited values
     */
    public static long runAwaitDone(CompletableFuture<Integer>[] done, int n) {
        return awaitDone(done, n).join();
    }
}
