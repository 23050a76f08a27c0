package io.jawait.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.EventLoop;
import io.jawait.Future;
import io.jawait.Task;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Blocking JDBC (an in-memory H2 database) from coroutines: every call runs through
 * {@code loop.runInExecutor(...)}, so the loop never blocks, and results come back on the loop's
 * thread. One connection can be shared if only one task uses it at a time.
 */
@Timeout(120)
class JdbcBridgeTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EventLoop loop = EventLoop.createVirtual();
    private final String url = "jdbc:h2:mem:jawait_net_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    private final Set<Thread> jdbcThreads = ConcurrentHashMap.newKeySet();

    @AfterEach
    void dropDatabaseAndCloseLoop() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        loop.close();
    }

    /** Runs {@code sql} work off the loop, noting which thread ran it. */
    private <T> Future<T> jdbc(Sql<T> work) {
        return loop.runInExecutor(null, () -> {
            jdbcThreads.add(Thread.currentThread());
            return work.run();
        });
    }

    @FunctionalInterface
    interface Sql<T> {
        T run() throws SQLException;
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void concurrentTasksQueryThroughTheExecutorAndResumeOnTheLoop() {
        loop.runUntilComplete(jdbc(() -> {
            try (Connection c = DriverManager.getConnection(url)) {
                return update(c, "CREATE TABLE item(id INT PRIMARY KEY, name VARCHAR(20))");
            }
        }));
        Thread[] loopThread = new Thread[1];
        List<Task<Long>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int id = i;
            tasks.add(loop.createTask(Chain.await(() -> jdbc(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    update(c, "INSERT INTO item VALUES(" + id + ", 'item " + id + "')");
                    return queryLong(c, "SELECT id * 10 FROM item WHERE id = " + id);
                }
            })).map(v -> {
                loopThread[0] = Thread.currentThread();
                return v;
            })));
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(i * 10L, loop.runUntilComplete(tasks.get(i)));
        }
        assertSame(Thread.currentThread(), loopThread[0], "results are delivered on the loop's thread");
        assertFalse(jdbcThreads.contains(Thread.currentThread()), "JDBC never ran on the loop's thread");
        long count = loop.runUntilComplete(jdbc(() -> {
            try (Connection c = DriverManager.getConnection(url)) {
                return queryLong(c, "SELECT COUNT(*) FROM item");
            }
        }));
        assertEquals(20, count);
    }

    /** One JDBC connection handed to one task at a time, first come first served. */
    static final class ConnectionSlot {
        private final EventLoop loop;
        private final Connection connection;
        private final ArrayDeque<Future<Connection>> waiting = new ArrayDeque<>();
        private boolean taken;

        ConnectionSlot(EventLoop loop, Connection connection) {
            this.loop = loop;
            this.connection = connection;
        }

        Future<Connection> acquire() {
            Future<Connection> f = loop.createFuture();
            if (taken) {
                waiting.add(f);
            } else {
                taken = true;
                f.setResult(connection);
            }
            return f;
        }

        void release() {
            Future<Connection> next = waiting.poll();
            if (next == null) {
                taken = false;
            } else {
                next.setResult(connection);
            }
        }
    }

    @Test
    void oneConnectionIsReusedByOneTaskAtATime() throws Exception {
        Connection shared = loop.runUntilComplete(jdbc(() -> {
            Connection c = DriverManager.getConnection(url);
            update(c, "CREATE TABLE counter(n INT)");
            update(c, "INSERT INTO counter VALUES(0)");
            c.setAutoCommit(false);
            return c;
        }));
        ConnectionSlot slot = new ConnectionSlot(loop, shared);
        AtomicInteger users = new AtomicInteger();
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // Read-modify-write across two executor calls: interleaved tasks would lose updates.
            tasks.add(loop.createTask(Chain.await(slot::acquire).then(c -> {
                assertEquals(1, users.incrementAndGet(), "the connection has one user at a time");
                return Chain.await(() -> jdbc(() -> queryLong(c, "SELECT n FROM counter")))
                        .then(n -> jdbc(() -> update(c, "UPDATE counter SET n = " + (n + 1))))
                        .then(v -> jdbc(() -> {
                            c.commit();
                            return null;
                        }))
                        .andFinally(() -> {
                            users.decrementAndGet();
                            slot.release();
                        });
            }).map(v -> (Void) null)));
        }
        for (Task<Void> t : tasks) {
            loop.runUntilComplete(t);
        }
        assertEquals(10, loop.runUntilComplete(jdbc(() -> queryLong(shared, "SELECT n FROM counter"))));
        assertTrue(jdbcThreads.size() >= 1);
        assertNotSame(Thread.currentThread(), jdbcThreads.iterator().next());
        shared.close();
    }

    @Test
    void anSqlErrorSurfacesAtTheAwaitUnwrapped() {
        Throwable e = loop.runUntilComplete(Chain.await(() -> jdbc(() -> {
            try (Connection c = DriverManager.getConnection(url)) {
                return queryLong(c, "SELECT COUNT(*) FROM no_such_table");
            }
        })).failure());
        assertInstanceOf(SQLException.class, e);
        assertTrue(e.getMessage().toUpperCase().contains("NO_SUCH_TABLE"), e.getMessage());
    }
}
