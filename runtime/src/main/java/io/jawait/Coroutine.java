package io.jawait;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The result of calling an {@code @Async} method: a cold, single-use computation that produces a
 * {@code T} (Python's coroutine object).
 *
 * <p>Nothing in the body runs until the coroutine is awaited by another coroutine, wrapped in a
 * {@link Task} ({@link Asyncio#createTask(Coroutine)}), or passed to {@link Asyncio#run(Coroutine)}
 * and friends. A coroutine awaited by another coroutine runs inline in the awaiting task, without a
 * loop turn. Awaiting (or scheduling) the same coroutine twice throws
 * {@link IllegalStateException}.
 *
 * <h2>For compiled state machines</h2>
 * The annotation processor turns each {@code @Async} body into a subclass whose {@link #step()}
 * is a {@code for (;;) switch (state)} over the body's states. The protected methods below are the
 * protocol that generated code (and the runtime's own hand-written coroutines) use:
 * <pre>{@code
 * case 0:
 *     state = 1;
 *     if (awaits(sleep(delay))) return;   // suspended: the task resumes us at case 1
 * case 1:                                 // a done awaitable falls through, no suspension
 *     String text = awaited();            // the awaited value, or its failure thrown here
 *     complete(text.toUpperCase());
 *     return;
 * }</pre>
 * Frames never pile up on the Java stack: awaiting a child coroutine runs the child's first step
 * right inside the await (a child that finishes there costs nothing more), and from then on the
 * driving task runs the innermost frame and feeds each completed frame's outcome to its caller in
 * a loop. A first step run that way hands any child it awaits to the task, so at most two steps
 * are ever nested and arbitrarily deep chains of awaits never overflow the stack.
 *
 * @param <T> the type of the value this coroutine produces
 */
public abstract non-sealed class Coroutine<T> implements Awaitable<T> {
    private static final byte NEW = 0;
    private static final byte RUNNING = 1;
    private static final byte SUCCEEDED = 2;
    private static final byte FAILED = 3;

    /** Marker awaited by {@link #yields()}: the task is rescheduled once. */
    private static final Object YIELD = new Object();

    /** The machine's current state; {@code 0} before the first step. */
    protected int state;

    private byte phase = NEW;
    private boolean claimed;
    /** Set when an await of this step suspended; cleared before each step. */
    private boolean parked;
    /**
     * Set while this frame's first step runs inside its awaiter's await ({@link #awaitsFrame}),
     * and kept if that step left it waiting: the task, which then finds it innermost, skips the
     * step it already ran. (One byte more fits in the padding of the object.)
     */
    private boolean steppedInPlace;
    /** The frame awaiting this one, or {@code null} for a task's root frame. */
    Coroutine<?> caller;
    /** The task driving this frame once it has started. */
    Task<?> task;
    /**
     * What the current await waits on: an Awaitable, a CompletableFuture or YIELD. Before the
     * coroutine is claimed, in debug mode only, the watch that reports it if it is never awaited.
     * (Few fields: a million suspended tasks are millions of frames.)
     */
    Object awaiting;
    /**
     * The result, or the Throwable when {@code phase == FAILED}. While the machine runs, the
     * continuation kept by a suspended {@link #awaitsThen(Awaitable, Continuation)}, or null.
     */
    private Object outcome;

    /**
     * For subclasses: generated state machines and hand-written coroutines. When the loop running
     * on this thread is in debug mode, a coroutine collected without ever being awaited or
     * scheduled is reported through the loop's exception handler.
     */
    protected Coroutine() {
        if (LoopDiagnostics.anyDebugLoop()) {
            EventLoop loop = EventLoop.runningOrNull();
            if (loop != null && loop.isDebug() && !(this instanceof CompletedCoroutine)) {
                awaiting = loop.diagnostics().trackNeverAwaited(this);
            }
        }
    }

    // ------------------------------------------------------------------ public factories

    /**
     * A coroutine that completes with {@code value} as soon as it is awaited. In an {@code @Async}
     * body, {@code return Coroutine.of(v);} completes the method with {@code v}.
     *
     * @param value the result, may be {@code null}
     * @param <T> the result type
     * @return a new single-use coroutine
     */
    public static <T> Coroutine<T> of(T value) {
        return new CompletedCoroutine<>(false, value);
    }

    /**
     * A {@code Coroutine<Void>} that completes with {@code null}: {@code return Coroutine.done();}.
     *
     * @return a new single-use coroutine
     */
    public static Coroutine<Void> done() {
        return new CompletedCoroutine<>(false, null);
    }

    /**
     * A coroutine that fails with {@code failure} when awaited.
     *
     * @param failure the exception to raise at the await, not {@code null}
     * @param <T> the result type
     * @return a new single-use coroutine
     */
    public static <T> Coroutine<T> failed(Throwable failure) {
        return new CompletedCoroutine<>(true, Objects.requireNonNull(failure, "failure"));
    }

    /**
     * A coroutine that, when it starts, calls {@code start} and awaits the awaitable it returns:
     * its outcome is that awaitable's. Nothing runs until the coroutine is awaited or scheduled,
     * as for an {@code @Async} method, so a primitive can register its waiter only when someone
     * actually waits. Awaiting a deferred coroutine costs no frame: the awaiter awaits the
     * returned awaitable directly (a million tasks waiting this way hold no extra object each).
     *
     * <pre>{@code
     * Coroutine<Void> ready() {
     *     return Coroutine.defer(() -> done ? Coroutine.done() : newWaiterFuture());
     * }
     * }</pre>
     *
     * @param start called once, on the loop, when the coroutine starts; must not return null
     * @param <T> the result type
     * @return a new, cold coroutine
     */
    public static <T> Coroutine<T> defer(Supplier<? extends Awaitable<? extends T>> start) {
        return new DeferredCoroutine<>("Coroutine.defer(...)", start);
    }

    /**
     * {@link #defer(Supplier)} with a description for {@code toString}, which debug mode's
     * "never awaited" warnings show.
     *
     * @param description what the coroutine does, e.g. {@code "Gate.pass()"}
     * @param start called once, on the loop, when the coroutine starts; must not return null
     * @param <T> the result type
     * @return a new, cold coroutine
     */
    public static <T> Coroutine<T> defer(String description, Supplier<? extends Awaitable<? extends T>> start) {
        return new DeferredCoroutine<>(Objects.requireNonNull(description, "description"), start);
    }

    // ------------------------------------------------------------------ the machine

    /**
     * Runs the machine from {@link #state} until it suspends (an {@code awaits...} call returned
     * {@code true}, then {@code return}) or completes ({@link #complete(Object)}, then
     * {@code return}). Anything thrown out of it fails the coroutine with that exception.
     *
     * @throws Throwable the body's failure
     */
    protected abstract void step() throws Throwable;

    /**
     * Starts awaiting {@code awaitable}. Returns {@code false} when its outcome is available now
     * (a done future, or a completed coroutine): read it with {@link #awaited()} without
     * returning. Returns {@code true} when the machine must {@code return}: the driving task
     * resumes {@link #step()} once the outcome is ready (a coroutine is run by the task first).
     *
     * @param awaitable what to await, not {@code null}
     * @return whether the machine is suspended
     * @throws NullPointerException if {@code awaitable} is null
     * @throws IllegalStateException for a task awaiting itself, a future of another loop, or a
     *     coroutine awaited twice
     */
    protected final boolean awaits(Awaitable<?> awaitable) {
        if (awaitable instanceof Future<?> f && f.isDone()) {
            awaiting = f; // the fast path, kept apart so that this method stays small enough to inline
            return false;
        }
        return startsAwaiting(awaitable);
    }

    /**
     * {@link #awaits(Awaitable)} of anything but a done future; each kind in a method of its own,
     * so that the path a machine takes stays small enough to inline.
     */
    private boolean startsAwaiting(Awaitable<?> awaitable) {
        Objects.requireNonNull(awaitable, "await(null)");
        if (awaitable instanceof Future<?> f) {
            return waitsOn(f);
        }
        Coroutine<?> child = (Coroutine<?>) awaitable;
        if (child instanceof FramelessCoroutine<?> f) {
            return awaitsInPlaceOf(f);
        }
        if (child instanceof Sleep.Yield<?> y) {
            return yieldsFor(y);
        }
        return awaitsFrame(child);
    }

    /**
     * Awaits a child frame, running its first step here: a child that finishes in it (a queue's
     * put with room, a get with an item) costs no push, no turn of the task's loop over frames and
     * no new step of this frame. A child that suspends is left as the task's innermost frame, as
     * if the task had run it. A step run here hands the children it awaits to the task (no second
     * level), which keeps the Java stack flat.
     */
    private boolean awaitsFrame(Coroutine<?> child) {
        Task<?> t = task;
        child.begin(t, this);
        awaiting = child;
        if (child.isFinished()) {
            return false;
        }
        if (steppedInPlace) {
            t.push(child);
            return parked = true;
        }
        child.steppedInPlace = true;
        child.runStep();
        if (child.isFinished()) {
            child.steppedInPlace = false;
            return false;
        }
        if (t.value == this) { // a pending task's value is its innermost frame: nothing was pushed
            t.push(child); // it waits on a future or yielded: the task skips the step it just ran
        } else {
            child.steppedInPlace = false; // it handed the task a frame of its own, which runs next
        }
        return parked = true;
    }

    /** Waits on a future that is not done ({@link #awaits} handled a done one). */
    private boolean waitsOn(Future<?> f) {
        Task<?> t = task;
        if (f == t) {
            throw new IllegalStateException("Task cannot await on itself: " + t);
        }
        if (f.loop() != t.loop()) {
            throw new IllegalStateException("Task " + t + " got Future " + f + " attached to a different loop");
        }
        awaiting = f;
        t.waitOn(f);
        return parked = true;
    }

    /** A frameless child is no frame: this machine awaits what it stands for. */
    private boolean awaitsInPlaceOf(FramelessCoroutine<?> child) {
        child.claim();
        return awaits(child.start(task.loop()));
    }

    /**
     * Starts awaiting a {@link CompletionStage} ({@code CompletableFuture} and others): a done
     * {@code CompletableFuture} never suspends; otherwise the stage is wrapped in a loop future and
     * the task resumes on the loop thread when it completes.
     *
     * @param stage what to await, not {@code null}
     * @return whether the machine is suspended
     */
    protected final boolean awaits(CompletionStage<?> stage) {
        Objects.requireNonNull(stage, "await(null)");
        if (stage instanceof CompletableFuture<?> cf && cf.isDone()) {
            awaiting = cf;
            return false;
        }
        return awaits(task.loop().wrapStage(stage));
    }

    /**
     * Yields once to the loop (what {@code sleep(0)} does): every callback already ready runs
     * before this task continues. Always suspends; resume with {@link #awaited()}.
     *
     * @return {@code true}
     */
    protected final boolean yields() {
        awaiting = YIELD;
        task.reschedule();
        return parked = true;
    }

    /**
     * Awaits {@code sleep(0, result)} without running it as a frame: yields, and keeps the
     * finished sleep as the awaited coroutine only when it has a result to deliver.
     */
    private boolean yieldsFor(Sleep.Yield<?> y) {
        y.claim();
        yields();
        Object result = y.result();
        if (result != null) {
            y.complete(result);
            awaiting = y; // awaited() reads the result as a finished child's outcome
        }
        return true;
    }

    /**
     * The outcome of the await started last: its value, or its failure thrown here unwrapped (the
     * original exception object). A cancellation delivered to the task while it was suspended is
     * thrown here instead. The type is the target's: the processor only uses it where the
     * original source proves the types agree.
     *
     * @param <R> the awaited value's type
     * @return the awaited value
     * @throws Throwable the awaited failure or a {@link CancelledException}
     */
    @SuppressWarnings("unchecked")
    protected final <R> R awaited() throws Throwable {
        Object a = awaiting;
        awaiting = null;
        Throwable delivered = task.takeDeliveredThrow();
        if (delivered != null) {
            throw delivered;
        }
        if (a instanceof Future<?> f) {
            return (R) f.resultForAwait();
        }
        if (a instanceof Coroutine<?> c) {
            return (R) c.outcome();
        }
        if (a == YIELD) {
            return null;
        }
        if (a instanceof CompletableFuture<?> cf) {
            return (R) Futures.join(cf);
        }
        throw new IllegalStateException("awaited() called with no await in progress in " + this);
    }

    // The as...(value) conversions below read a target-typed value (awaited(), an element of a
    // lowered enhanced for) into a primitive target with Java's unboxing then widening (JLS 5.2):
    // {@code long n = await(intTask)} must not cast an Integer to Long. A null throws
    // NullPointerException, as unboxing does.

    /** @param value an Integer, Short, Byte or Character @return it as an int */
    protected static int asInt(Object value) {
        if (value instanceof Integer i) {
            return i;   // the common case first: one exact class check (Integer is final)
        }
        return value instanceof Character c ? c : ((Number) value).intValue();
    }

    /** @param value a Long or a value {@link #asInt} accepts @return it as a long */
    protected static long asLong(Object value) {
        return value instanceof Character c ? c : ((Number) value).longValue();
    }

    /** @param value a Float or a value {@link #asLong} accepts @return it as a float */
    protected static float asFloat(Object value) {
        return value instanceof Character c ? c : ((Number) value).floatValue();
    }

    /** @param value a Double or a value {@link #asFloat} accepts @return it as a double */
    protected static double asDouble(Object value) {
        return value instanceof Character c ? c : ((Number) value).doubleValue();
    }

    /** @param value a Short or a Byte @return it as a short */
    protected static short asShort(Object value) {
        return ((Number) value).shortValue();
    }

    /** @param value a Byte @return it as a byte */
    protected static byte asByte(Object value) {
        return (Byte) value;
    }

    /** @param value a Character @return it as a char */
    protected static char asChar(Object value) {
        return (Character) value;
    }

    /** @param value a Boolean @return it as a boolean */
    protected static boolean asBoolean(Object value) {
        return (Boolean) value;
    }

    /**
     * Awaits {@code awaitable} and continues the current statement with its value in {@code k}.
     * When the awaitable is done, {@code k} runs now; otherwise it is kept and run by
     * {@link #resumeContinuation()} when the machine resumes.
     *
     * @param awaitable what to await
     * @param k the rest of the statement
     * @param <R> the awaited value's type, inferred from {@code awaitable}
     * @return whether the machine is suspended (by this await or one inside {@code k})
     * @throws Throwable what the awaitable or {@code k} throws
     */
    @SuppressWarnings("unchecked")
    protected final <R> boolean awaitsThen(Awaitable<R> awaitable, Continuation<? super R> k) throws Throwable {
        if (awaits(awaitable)) {
            outcome = k;
            return true;
        }
        k.resume(this.<R>awaited());
        return parked;
    }

    /**
     * {@link #awaitsThen(Awaitable, Continuation)} for a {@link CompletionStage}.
     *
     * @param stage what to await
     * @param k the rest of the statement
     * @param <R> the awaited value's type
     * @return whether the machine is suspended
     * @throws Throwable what the stage or {@code k} throws
     */
    @SuppressWarnings("unchecked")
    protected final <R> boolean awaitsThen(CompletionStage<R> stage, Continuation<? super R> k) throws Throwable {
        if (awaits(stage)) {
            outcome = k;
            return true;
        }
        k.resume(this.<R>awaited());
        return parked;
    }

    /**
     * Runs the continuation kept by a suspended {@link #awaitsThen(Awaitable, Continuation)} with
     * the awaited value.
     *
     * @return whether the machine suspended again inside the continuation
     * @throws Throwable what the awaitable or the continuation throws
     */
    @SuppressWarnings("unchecked")
    protected final boolean resumeContinuation() throws Throwable {
        if (phase != RUNNING || !(outcome instanceof Continuation<?>)) {
            throw new IllegalStateException("no continuation to resume in " + this);
        }
        Continuation<Object> k = (Continuation<Object>) outcome;
        outcome = null;
        k.resume(awaited());
        return parked;
    }

    /**
     * Returns {@code value}, typed as the {@code await(...)} call it stands for: a generic method
     * returning {@code T}. Java classifies a {@code ?:} by its operands' forms (JLS 15.25), and an
     * {@code await(...)} operand makes it a reference conditional where an {@code Integer}
     * variable would make it numeric; generated code passes an awaited value through this where
     * it replaces an {@code await(...)} operand, so {@code c ? await(intTask) : 'x'} keeps its type.
     *
     * @param value the awaited value
     * @param <T> its type
     * @return {@code value}
     */
    protected static <T> T asAwaitCall(T value) {
        return value;
    }

    /**
     * Whether the current step has suspended this machine. A statement whose awaits sit in
     * branches ({@code c ? await(a) : b}) calls {@link #awaitsThen} on some paths only, then
     * asks this once to decide whether to return.
     *
     * @return whether an await of this step suspended the machine
     */
    protected final boolean suspended() {
        return parked;
    }

    /**
     * Completes this coroutine with {@code value}. The machine must {@code return} right after.
     *
     * @param value the result
     */
    protected final void complete(Object value) {
        outcome = value;
        phase = SUCCEEDED;
    }

    // ------------------------------------------------------------------ driver protocol

    /** Claims this coroutine for one awaiter or task; a second claim is a usage error. */
    final void claim() {
        if (claimed) {
            throw new IllegalStateException("coroutine " + this + " was already awaited or scheduled; a coroutine can be awaited only once");
        }
        claimed = true;
        markUsed();
    }

    /** Whether this coroutine was awaited, scheduled or discarded already. */
    final boolean isClaimed() {
        return claimed;
    }

    /**
     * Marks this coroutine as used without running it (a refused {@code TaskGroup.createTask}),
     * like Python's {@code coro.close()}: it is not reported as never awaited, and awaiting it
     * later fails.
     */
    final void discard() {
        claimed = true;
        markUsed();
    }

    private void markUsed() {
        if (awaiting instanceof LoopDiagnostics.Watch w) {
            w.retrieved = true;
            awaiting = null;
        }
    }

    /** Claims and starts this frame under {@code t}, awaited by {@code awaiter}. */
    final void begin(Task<?> t, Coroutine<?> awaiter) {
        claim();
        enter(t, awaiter);
    }

    /** Starts this (already claimed) frame under {@code t}; {@code awaiter} is null for a task root. */
    final void enter(Task<?> t, Coroutine<?> awaiter) {
        task = t;
        caller = awaiter;
        if (phase == NEW) {
            phase = RUNNING;
        }
    }

    /** Runs one step of this frame, unless its awaiter ran it already ({@link #awaitsFrame}). */
    final void resume() {
        if (steppedInPlace) {
            steppedInPlace = false;
            return;
        }
        runStep();
    }

    /** Runs one step of this frame; a failure completes the frame instead of propagating. */
    private void runStep() {
        parked = false;
        try {
            step();
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw (VirtualMachineError) e;
            }
            outcome = e;
            phase = FAILED;
            return;
        }
        if (phase == RUNNING && !parked) {
            outcome = new IllegalStateException("state machine " + getClass().getName()
                    + " returned in state " + state + " without suspending or completing");
            phase = FAILED;
        }
    }

    /** Makes this coroutine finished before it ever runs ({@link CompletedCoroutine}). */
    final void finishedFromTheStart(boolean failed, Object result) {
        phase = failed ? FAILED : SUCCEEDED;
        outcome = result;
    }

    final boolean isFinished() {
        return phase >= SUCCEEDED;
    }

    final boolean isFailed() {
        return phase == FAILED;
    }

    /** The finished frame's result, or its failure thrown unwrapped. */
    final Object outcome() throws Throwable {
        if (phase == FAILED) {
            throw (Throwable) outcome;
        }
        return outcome;
    }

    final Object rawOutcome() {
        return outcome;
    }

    /** Drops references a finished frame no longer needs. */
    final void release() {
        caller = null;
        task = null;
        awaiting = null;
    }

    @Override
    public String toString() {
        String name = getClass().getSimpleName();
        return describedAs(name.isEmpty() ? "Coroutine" : name);
    }

    /** @return {@code name} followed by this coroutine's phase, as {@link #toString()} shows it */
    final String describedAs(String name) {
        String p = switch (phase) {
            case NEW -> claimed ? "claimed" : "new";
            case RUNNING -> "running, state " + state;
            case SUCCEEDED -> "done";
            default -> "failed";
        };
        return name + "[" + p + "]";
    }
}
