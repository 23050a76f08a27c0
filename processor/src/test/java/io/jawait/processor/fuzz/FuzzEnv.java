package io.jawait.processor.fuzz;

import io.jawait.EventLoop;
import io.jawait.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What generated programs call: {@code env.v(x)} makes an awaitable of {@code x} (done, pending
 * or failing, by mode) and {@code env.sv(x)} is its synchronous twin; both log and decide
 * failures by the same counter, so an async run and its sync twin must leave the same log.
 */
public final class FuzzEnv {
    /** How awaitables behave. */
    public enum Mode {
        /** Every awaitable is already done. */
        DONE,
        /** Every awaitable completes later, in random order. */
        PENDING,
        /** Like PENDING, but every third awaitable fails. */
        FAILING
    }

    private static final int FAIL_EVERY = 3;

    private final Mode mode;
    private final EventLoop loop;
    private final Random random;
    private final List<String> log = new ArrayList<>();
    private int created;

    /**
     * @param mode how awaitables behave
     * @param loop the loop of the async run, or {@code null} for the sync twin
     * @param seed drives the completion order of pending awaitables
     */
    public FuzzEnv(Mode mode, EventLoop loop, long seed) {
        this.mode = mode;
        this.loop = loop;
        this.random = new Random(seed);
    }

    /**
     * @param x the value
     * @return an awaitable of {@code x}
     */
    public Future<Integer> v(int x) {
        FuzzException failure = next(x);
        Future<Integer> f = loop.createFuture();
        Runnable complete = () -> {
            if (failure != null) {
                f.setException(failure);
            } else {
                f.setResult(x);
            }
        };
        if (mode == Mode.DONE) {
            complete.run();
        } else {
            loop.callLater(random.nextInt(4) * 0.001, complete);
        }
        return f;
    }

    /**
     * The synchronous twin of {@code await(env.v(x))}: an {@code Integer}, as the awaited value
     * is, so that {@code ==} between two of them compares references in both (JLS 15.21.3); and a
     * generic method, as {@code await} is, so that a {@code ?:} with it as an operand is a
     * reference conditional in both (JLS 15.25).
     *
     * @param x the value
     * @return {@code x}
     */
    @SuppressWarnings("unchecked")
    public <T extends Integer> T sv(int x) {
        FuzzException failure = next(x);
        if (failure != null) {
            throw failure;
        }
        return (T) Integer.valueOf(x);
    }

    private FuzzException next(int x) {
        created++;
        log.add("v" + created + "(" + x + ")");
        return mode == Mode.FAILING && created % FAIL_EVERY == 0 ? new FuzzException("await#" + created) : null;
    }

    /**
     * Logs a value.
     *
     * @param tag where
     * @param value what
     */
    public void log(String tag, int value) {
        log.add(tag + "=" + value);
    }

    /**
     * A call whose arguments are logged in order (tests evaluation order).
     *
     * @param args the arguments
     * @return a value depending on all arguments and their order
     */
    public int f(int... args) {
        StringBuilder sb = new StringBuilder("f(");
        int h = 7;
        for (int a : args) {
            sb.append(a).append(',');
            h = h * 31 + a;
        }
        log.add(sb.append(')').toString());
        return h % 1000;
    }

    /** @return everything logged so far */
    public List<String> log() {
        return log;
    }
}
