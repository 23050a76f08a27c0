package io.jawait.bench.jawait;

import io.jawait.Asyncio;
import io.jawait.bench.Expected;
import io.jawait.bench.Sizes;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** jawait's side of the JMH workloads W1-W3; each invocation runs a fresh loop with Asyncio.run. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JawaitBench {
    /** W1. */
    @Benchmark
    public long spawnAndGather() {
        return Expected.check(Asyncio.run(JawaitWorkloads.spawnAndGather(Sizes.SPAWN_TASKS)), Expected.SPAWN_SUM);
    }

    /** W2. */
    @Benchmark
    public long pingPong() {
        return Expected.check(Asyncio.run(JawaitWorkloads.pingPong(Sizes.PING_PONG_MESSAGES)), Expected.PING_PONG_SUM);
    }

    /** W3. */
    @Benchmark
    public long awaitDone() {
        return Expected.check(Asyncio.run(JawaitWorkloads.awaitDone(Sizes.FAST_PATH_SLOTS, Sizes.FAST_PATH_AWAITS)),
                Expected.FAST_PATH_SUM);
    }

    /** Public so the runners in other packages reach it: W4. */
    public static long heapWithSuspended(int n, java.util.function.LongSupplier atPeak) {
        return Asyncio.run(JawaitWorkloads.heapWithSuspended(n, atPeak));
    }

    /** W5. */
    public static void timers(long[] delaysMillis) {
        Asyncio.run(JawaitWorkloads.timers(delaysMillis));
    }
}
