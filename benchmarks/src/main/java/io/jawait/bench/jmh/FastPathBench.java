package io.jawait.bench.jmh;

import io.jawait.EventLoop;
import io.jawait.Future;
import io.jawait.bench.Expected;
import io.jawait.bench.Sizes;
import io.jawait.bench.ea.EaWorkloads;
import io.jawait.bench.kotlin.KotlinWorkloads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * W3 fast path, the baseline and the peers: {@link Sizes#FAST_PATH_AWAITS} reads of already-done
 * values in one loop (jawait's side is {@code JawaitBench.awaitDone}). The loop cycles through
 * {@link Sizes#FAST_PATH_SLOTS} done futures so that the JIT cannot hoist the read out of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FastPathBench {
    private EventLoop loop;
    private List<Future<Integer>> done;
    private CompletableFuture<Integer>[] doneStages;

    /** Completes the futures every variant reads. */
    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void prepare() {
        loop = EventLoop.create();
        done = new ArrayList<>(Sizes.FAST_PATH_SLOTS);
        doneStages = new CompletableFuture[Sizes.FAST_PATH_SLOTS];
        for (int i = 0; i < Sizes.FAST_PATH_SLOTS; i++) {
            Future<Integer> f = loop.createFuture();
            f.setResult(i);
            done.add(f);
            doneStages[i] = CompletableFuture.completedFuture(i);
        }
    }

    /** Closes the loop the futures belong to. */
    @TearDown(Level.Trial)
    public void close() {
        loop.close();
    }

    /** The target's baseline: the same loop as jawait's, with a plain method call for the await. */
    @Benchmark
    public long plainCall() {
        return Expected.check(plainLoop(done, Sizes.FAST_PATH_AWAITS), Expected.FAST_PATH_SUM);
    }

    static long plainLoop(List<Future<Integer>> done, int n) {
        int mask = done.size() - 1;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            int v = done.get(i & mask).result();
            sum += v;
        }
        return sum;
    }

    /** A suspending loop awaiting completed {@code CompletableDeferred}s. */
    @Benchmark
    public long kotlin() {
        return Expected.check(KotlinWorkloads.awaitDone(Sizes.FAST_PATH_AWAITS, Sizes.FAST_PATH_SLOTS), Expected.FAST_PATH_SUM);
    }

    /** ea-async awaiting completed {@code CompletableFuture}s; needs its java agent. */
    @Benchmark
    public long eaAsync() {
        return Expected.check(EaWorkloads.runAwaitDone(doneStages, Sizes.FAST_PATH_AWAITS), Expected.FAST_PATH_SUM);
    }
}
