package io.jawait.reliability;

import io.jawait.testing.Script;
import io.jawait.Asyncio;
import io.jawait.Awaitable;
import io.jawait.EventLoop;
import io.jawait.Task;
import io.jawait.TaskGroup;
import io.jawait.sync.AsyncQueue;
import io.jawait.sync.Lock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random graph of tasks for the cancellation storm, with the bookkeeping its invariants
 * need. Each task is one of: a sleeper, a lock holder, a queue producer or consumer, a sleeper
 * that swallows one cancellation, a waiter on an earlier task (plain or through a shield), a
 * gather of earlier tasks, a {@code waitFor} with a random timeout, or a
 * {@link TaskGroup} of children (which are tasks of the graph too). Every task body counts its
 * start, its {@code finally} and reaching its end, so the test can check each ran as it should.
 */
final class StormGraph {
    /** One task of the graph and what its body did. */
    static final class Node {
        final int id;
        Task<Object> task;
        int started;
        int finallies;
        boolean reachedEnd;
        /** The lock or queue this task waits for right now (to acquire, get or put), or null. */
        Blocked blockedOn;

        Node(int id) {
            this.id = id;
        }
    }

    /** What a task waits for: {@code kind} is "lock", "get" or "put", {@code index} which one. */
    record Blocked(String kind, int index) {
    }

    static final int LOCKS = 8;
    static final int QUEUES = 4;
    static final int QUEUE_SIZE = 8;
    /** Virtual seconds within which the random sleeps and cancellations fall. */
    static final double HORIZON = 100;

    final EventLoop loop;
    final Random random;
    final List<Node> nodes = new ArrayList<>();
    final List<Lock> locks = new ArrayList<>();
    /** Which node holds each lock, or -1: checked on every acquire and release. */
    final int[] holders = new int[LOCKS];
    final List<AsyncQueue<Integer>> queues = new ArrayList<>();
    /** Items whose put() returned, and items a get() returned. */
    final List<Integer> put = new ArrayList<>();
    final List<Integer> got = new ArrayList<>();
    /** Invariant breaches seen while running (a second holder of a lock, ...). */
    final List<String> breaches = new ArrayList<>();
    /** Counts bodies started, finished and unwound: unchanged over a long stretch means idle. */
    long progress;

    StormGraph(EventLoop loop, long seed) {
        this.loop = loop;
        this.random = new Random(seed);
        for (int i = 0; i < LOCKS; i++) {
            locks.add(new Lock());
            holders[i] = -1;
        }
        for (int i = 0; i < QUEUES; i++) {
            queues.add(AsyncQueue.fifo(QUEUE_SIZE));
        }
    }

    /** Creates {@code count} top-level tasks (group children come on top, while running). */
    void build(int count) {
        for (int i = 0; i < count; i++) {
            Node node = newNode();
            node.task = loop.createTask(body(node, true));
        }
    }

    private Node newNode() {
        Node node = new Node(nodes.size());
        nodes.add(node);
        return node;
    }

    /**
     * A whole number of seconds up to a tenth of the horizon: whole numbers make many wake-ups and
     * cancellations fall in the same loop iteration, where a task is woken but not yet resumed.
     */
    double someTime() {
        return random.nextInt((int) (HORIZON / 10) + 1);
    }

    /** A body: count the start, then a try/finally around one random kind of work. */
    private Script body(Node node, boolean mayNest) {
        Script s = Script.of().run(() -> {
            node.started++;
            progress++;
        }).always(() -> {
            node.finallies++;
            progress++;
            node.blockedOn = null;
        });
        int kind = random.nextInt(mayNest ? 10 : 5);
        switch (kind) {
            case 0 -> s.await(() -> Asyncio.sleep(someTime()));
            case 1 -> holdALock(s, node, random.nextInt(LOCKS), random.nextInt(2)); // short: many hand-overs
            case 2 -> {
                int which = random.nextInt(QUEUES);
                AsyncQueue<Integer> q = queues.get(which);
                double first = someTime(); // puts and gets at whole seconds, like the cancellations
                s.await(() -> Asyncio.sleep(first));
                s.run(() -> node.blockedOn = new Blocked("put", which)).await(() -> q.put(node.id), v -> {
                    put.add(node.id);
                    node.blockedOn = null;
                });
            }
            case 3 -> {
                int which = random.nextInt(QUEUES);
                AsyncQueue<Integer> q = queues.get(which);
                double first = someTime();
                s.await(() -> Asyncio.sleep(first));
                s.run(() -> node.blockedOn = new Blocked("get", which)).await(q::get, v -> {
                    got.add(v);
                    node.blockedOn = null;
                });
            }
            case 4 -> {
                // try { await(sleep(d)); } catch (CancelledException e) { } : swallows one cancellation
                double d = someTime();
                s.await(() -> new Catching(() -> Asyncio.sleep(d), io.jawait.CancelledException.class));
            }
            case 5 -> s.await(this.earlierTask(node));
            case 6 -> {
                // The shield's outer future is cancelled with this task; the earlier task is not.
                java.util.function.Supplier<Awaitable<?>> earlier = earlierTask(node);
                s.await(() -> Asyncio.shield(earlier.get()));
            }
            case 7 -> {
                List<Awaitable<?>> some = new ArrayList<>();
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    some.add(earlierTask(node).get());
                }
                s.await(() -> Asyncio.gather(some));
            }
            case 8 -> {
                double sleep = someTime();
                double timeout = someTime();
                s.await(() -> waitForIgnoringTimeout(sleep, timeout));
            }
            default -> inAGroup(s, 1 + random.nextInt(3));
        }
        return s.await(() -> Asyncio.sleep(0)).run(() -> node.reachedEnd = true);
    }

    /** {@code await(lock.acquire()); try { await(sleep(d)); } finally { lock.release(); }}. */
    private void holdALock(Script s, Node node, int which, double hold) {
        Lock lock = locks.get(which);
        s.run(() -> node.blockedOn = new Blocked("lock", which)).await(lock::acquire, v -> {
            node.blockedOn = null;
            if (holders[which] != -1) {
                breaches.add("lock " + which + " granted to " + node.id + " while held by " + holders[which]);
            }
            holders[which] = node.id;
        }).always(() -> {
            if (holders[which] != node.id) {
                breaches.add("lock " + which + " released by " + node.id + " but held by " + holders[which]);
            }
            holders[which] = -1;
            lock.release();
        }).await(() -> Asyncio.sleep(hold));
    }

    /**
     * Once the loop is idle, a task may wait for a lock only while it is held, to get only from an
     * empty queue and to put only into a full one: anything else is a lost wake-up.
     *
     * @return the tasks waiting for no reason
     */
    List<String> lostWakeups() {
        List<String> lost = new ArrayList<>();
        for (Node n : nodes) {
            Blocked b = n.blockedOn;
            if (b == null || n.task.isDone()) {
                continue;
            }
            boolean justified = switch (b.kind()) {
                case "lock" -> locks.get(b.index()).locked();
                case "get" -> queues.get(b.index()).isEmpty();
                default -> queues.get(b.index()).isFull();
            };
            if (!justified) {
                lost.add("task " + n.id + " waits to " + b.kind() + " " + b.index());
            }
        }
        return lost;
    }

    /** A task created before {@code node} (awaiting it can form no cycle), or a sleep if none. */
    private java.util.function.Supplier<Awaitable<?>> earlierTask(Node node) {
        if (node.id == 0) {
            return () -> Asyncio.sleep(0);
        }
        Node earlier = nodes.get(random.nextInt(node.id));
        return () -> earlier.task != null ? earlier.task : Asyncio.sleep(0);
    }

    /** A waitFor whose timeout may expire: the TimeoutException is caught, like a try/catch. */
    private static Awaitable<?> waitForIgnoringTimeout(double sleep, double timeout) {
        return new Catching(() -> Asyncio.waitFor(Asyncio.sleep(sleep), timeout),
                java.util.concurrent.TimeoutException.class);
    }

    /** {@code try (TaskGroup tg = TaskGroup.open()) { tg.createTask(child) ... }}: children join the graph. */
    private void inAGroup(Script s, int children) {
        TaskGroup[] group = new TaskGroup[1];
        s.run(() -> {
            group[0] = TaskGroup.open();
            for (int i = 0; i < children; i++) {
                Node child = newNode();
                child.task = group[0].createTask(body(child, false));
            }
        }).await(() -> group[0].closeAsync());
    }
}
