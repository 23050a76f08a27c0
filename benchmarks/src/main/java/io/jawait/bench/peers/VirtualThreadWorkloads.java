package io.jawait.bench.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** The virtual-thread peer of each workload: blocking code, one virtual thread per task. */
public final class VirtualThreadWorkloads {
    private VirtualThreadWorkloads() {
    }

    /** W1: {@code n} virtual threads that each yield once and return their index, summed. */
    public static long spawnAndGather(int n) throws Exception {
        ExecutorService executor = VirtualThreads.perTaskExecutor();
        List<Future<Integer>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int value = i;
            tasks.add(executor.submit(() -> {
                Thread.yield();
                return value;
            }));
        }
        long sum = 0;
        for (Future<Integer> task : tasks) {
            sum += task.get();
        }
        executor.shutdown();
        return sum;
    }

    /** W2: {@code messages} messages through two {@link SynchronousQueue}s (half each way). */
    public static long pingPong(int messages) throws InterruptedException {
        ThreadFactory threads = VirtualThreads.factory();
        SynchronousQueue<Integer> ping = new SynchronousQueue<>();
        SynchronousQueue<Integer> pong = new SynchronousQueue<>();
        int rounds = messages / 2;
        long[] sum = new long[1];
        Thread echo = threads.newThread(() -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    pong.put(ping.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread sender = threads.newThread(() -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    ping.put(i);
                    sum[0] += pong.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        echo.start();
        sender.start();
        sender.join();
        echo.join();
        return sum[0];
    }

    /**
     * W4: {@code n} virtual threads parked on one latch; {@code atPeak} runs while all of them are
     * parked and returns the heap in use.
     */
    public static long heapWithParked(int n, LongSupplier atPeak) throws InterruptedException {
        ThreadFactory threads = VirtualThreads.factory();
        CountDownLatch event = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            threads.newThread(() -> {
                started.incrementAndGet();
                try {
                    event.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).start();
        }
        while (started.get() < n) {
            Thread.sleep(10);
        }
        Thread.sleep(300); // the last ones counted themselves and now park
        long used = atPeak.getAsLong();
        event.countDown();
        return used;
    }

    /** W5: one virtual thread per delay (milliseconds), each in {@code Thread.sleep}. */
    public static void timers(long[] delaysMillis) throws InterruptedException {
        ThreadFactory threads = VirtualThreads.factory();
        Thread[] sleepers = new Thread[delaysMillis.length];
        for (int i = 0; i < sleepers.length; i++) {
            long d = delaysMillis[i];
            sleepers[i] = threads.newThread(() -> {
                try {
                    Thread.sleep(d);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            sleepers[i].start();
        }
        for (Thread t : sleepers) {
            t.join();
        }
    }
}
