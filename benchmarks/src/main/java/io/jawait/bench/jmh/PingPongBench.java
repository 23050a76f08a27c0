package io.jawait.bench.jmh;

import io.jawait.bench.Expected;
import io.jawait.bench.Sizes;
import io.jawait.bench.kotlin.KotlinWorkloads;
import io.jawait.bench.peers.VirtualThreadWorkloads;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * W2 ping-pong, the peers: {@link Sizes#PING_PONG_MESSAGES} messages between two tasks, half each
 * way, through rendezvous hand-offs (jawait's side is {@code JawaitBench.pingPong}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PingPongBench {
    /** Two rendezvous {@code Channel}s in {@code runBlocking}. */
    @Benchmark
    public long kotlin() {
        return Expected.check(KotlinWorkloads.pingPong(Sizes.PING_PONG_MESSAGES), Expected.PING_PONG_SUM);
    }

    /** Two virtual threads and two {@code SynchronousQueue}s; needs JDK 21+. */
    @Benchmark
    public long virtualThreads() throws InterruptedException {
        return Expected.check(VirtualThreadWorkloads.pingPong(Sizes.PING_PONG_MESSAGES), Expected.PING_PONG_SUM);
    }
}
