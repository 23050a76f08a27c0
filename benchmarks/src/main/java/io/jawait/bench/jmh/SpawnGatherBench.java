package io.jawait.bench.jmh;

import io.jawait.bench.Expected;
import io.jawait.bench.Sizes;
import io.jawait.bench.ea.EaWorkloads;
import io.jawait.bench.kotlin.KotlinWorkloads;
import io.jawait.bench.peers.CompletableFutureWorkloads;
import io.jawait.bench.peers.VirtualThreadWorkloads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * W1 spawn-and-gather, the peers: {@link Sizes#SPAWN_TASKS} tasks that each yield once and
 * return an int, gathered and summed (jawait's side is {@code JawaitBench.spawnAndGather}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SpawnGatherBench {
    private ExecutorService loop;

    /** The single-thread executor the CompletableFuture and ea-async peers run on. */
    @Setup(Level.Trial)
    public void start() {
        loop = Executors.newSingleThreadExecutor();
    }

    /** Shuts the executor down. */
    @TearDown(Level.Trial)
    public void stop() {
        loop.shutdown();
    }

    /** @return the sum, from CompletableFuture chains */
    @Benchmark
    public long completableFuture() {
        return Expected.check(CompletableFutureWorkloads.spawnAndGather(loop, Sizes.SPAWN_TASKS), Expected.SPAWN_SUM);
    }

    /** @return the sum, from Kotlin coroutines */
    @Benchmark
    public long kotlin() {
        return Expected.check(KotlinWorkloads.spawnAndGather(Sizes.SPAWN_TASKS), Expected.SPAWN_SUM);
    }

    /** Needs ea-async's java agent in the fork (the driver adds it). */
    @Benchmark
    public long eaAsync() {
        return Expected.check(EaWorkloads.runSpawnAndGather(loop, Sizes.SPAWN_TASKS), Expected.SPAWN_SUM);
    }

    /** Needs JDK 21+; the driver runs it with the default scheduler and with parallelism 1. */
    @Benchmark
    public long virtualThreads() throws Exception {
        return Expected.check(VirtualThreadWorkloads.spawnAndGather(Sizes.SPAWN_TASKS), Expected.SPAWN_SUM);
    }
}
