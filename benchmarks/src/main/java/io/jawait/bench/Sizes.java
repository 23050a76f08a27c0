package io.jawait.bench;

/** The workload sizes of issue 7, shared by every peer so that all of them do the same work. */
public final class Sizes {
    /** W1: tasks spawned, each yielding once. */
    public static final int SPAWN_TASKS = 1_000_000;
    /** W2: messages exchanged, half in each direction. */
    public static final int PING_PONG_MESSAGES = 1_000_000;
    /** W3: awaits of already-done awaitables in one loop. */
    public static final int FAST_PATH_AWAITS = 10_000_000;
    /** W3: how many distinct done awaitables the loop cycles through (a power of two). */
    public static final int FAST_PATH_SLOTS = 1024;
    /** W4: tasks suspended on one event. */
    public static final int SUSPENDED_TASKS = 1_000_000;
    /** W5: sleeping tasks. */
    public static final int TIMER_TASKS = 100_000;
    /** W5: the longest sleep, in milliseconds (each task sleeps a random 0..this). */
    public static final int TIMER_MAX_MILLIS = 100;
    /** W6: concurrent loopback clients. */
    public static final int ECHO_CLIENTS = 100;
    /** W6: messages each client sends and reads back. */
    public static final int ECHO_MESSAGES = 10_000;
    /** W6: bytes per message. */
    public static final int ECHO_MESSAGE_BYTES = 32;
    /** W7: generated @Async methods. */
    public static final int COMPILE_METHODS = 200;
    /** W7: await sites over all generated methods. */
    public static final int COMPILE_AWAIT_SITES = 1_000;

    private Sizes() {
    }

    /**
     * The W5 delays: the same pseudo-random sequence for every peer.
     *
     * @return {@link #TIMER_TASKS} delays in milliseconds, uniform in 0..{@link #TIMER_MAX_MILLIS}
     */
    public static long[] timerDelaysMillis() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        long[] delays = new long[TIMER_TASKS];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = random.nextInt(TIMER_MAX_MILLIS + 1);
        }
        return delays;
    }
}
