package io.jawait.sample.demos;

import static io.jawait.Asyncio.await;
import static io.jawait.Asyncio.toThread;

import io.jawait.Coroutine;
import io.jawait.annotation.Async;
import io.jawait.sample.Console;
import io.jawait.sample.Demo;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The high-scores example: JDBC is blocking, so every database call runs on the default executor
 * through {@code toThread}, and the loop stays free. One connection, used by one task at a time.
 */
public final class DatabaseDemo implements Demo {
    @Override
    public String name() {
        return "database";
    }

    @Override
    public String summary() {
        return "high scores in an embedded H2 database through executor bridging";
    }

    static Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:h2:mem:scores-" + System.nanoTime());
        try (Statement s = c.createStatement()) {
            s.execute("create table scores (player varchar(40), score int)");
        }
        return c;
    }

    static int insertMany(Connection c, int count) throws SQLException {
        Random random = new Random(42);
        try (PreparedStatement insert = c.prepareStatement("insert into scores values (?, ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, "player" + i);
                insert.setInt(2, random.nextInt(100_000));
                insert.addBatch();
            }
            return insert.executeBatch().length;
        }
    }

    static List<String> top(Connection c, int n) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "select player, score from scores order by score desc, player limit ?")) {
            select.setInt(1, n);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getInt(2));
                }
            }
        }
        return rows;
    }

    @Async
    @Override
    public Coroutine<Void> run(Console console) throws Exception {
        Connection connection = await(toThread(DatabaseDemo::open));
        try {
            int inserted = await(toThread(() -> insertMany(connection, 1000)));
            console.println("inserted " + inserted + " scores");
            List<String> best = await(toThread(() -> top(connection, 3)));
            console.println("top three: " + best);
        } finally {
            connection.close();
        }
        return Coroutine.done();
    }
}
