package io.jawait;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The loop's tasks that are not done yet (for {@link Asyncio#allTasks()} and the shutdown of
 * {@link Asyncio#run(Coroutine)}), oldest first. The array holds the tasks strongly, which also
 * keeps a task nobody references alive until it finishes.
 *
 * <p>Each task knows its slot (one int field, where links would take two). A finished task
 * leaves a hole, touching no other task; once holes fill half the used part, the live tasks move
 * down over them in order. That pass reads the tasks in the order they were created, which is
 * close to their order in memory, so it costs far less than touching a random task at every
 * removal (a million short tasks finish in about the order they started).
 */
final class LiveTasks {
    private static final int MIN_CAPACITY = 16;

    private Task<?>[] tasks = new Task<?>[MIN_CAPACITY];
    /** Slots {@code [0, end)} hold tasks or holes; the rest is free. */
    private int end;
    private int size;

    void add(Task<?> task) {
        if (end == tasks.length) {
            compactOrGrow();
        }
        task.liveSlot = end;
        tasks[end++] = task;
        size++;
    }

    /** Removes {@code task}; does nothing if it is not here. */
    void remove(Task<?> task) {
        int slot = task.liveSlot;
        if (slot < 0) {
            return;
        }
        tasks[slot] = null;
        task.liveSlot = -1;
        size--;
        if (slot == end - 1) {
            end--;
        }
        if (size == 0) {
            end = 0;
        } else if (size < (end >>> 1)) {
            compact();
        }
    }

    int size() {
        return size;
    }

    /** The pending tasks, oldest first. */
    Set<Task<?>> snapshot() {
        Set<Task<?>> all = new LinkedHashSet<>(Math.max(16, size * 2));
        for (int i = 0; i < end; i++) {
            if (tasks[i] != null) {
                all.add(tasks[i]);
            }
        }
        return all;
    }

    private void compactOrGrow() {
        if (end - size >= end >>> 2) { // enough holes that moving the tasks pays for itself
            compact();
        } else {
            tasks = Arrays.copyOf(tasks, tasks.length * 2);
        }
    }

    /** Moves the live tasks, in order, to the front, into a smaller array if they fill little of it. */
    private void compact() {
        Task<?>[] from = tasks;
        Task<?>[] into = from;
        if (size < from.length >>> 3 && from.length > MIN_CAPACITY) {
            into = new Task<?>[Math.max(MIN_CAPACITY, from.length >>> 2)];
        }
        int next = 0;
        for (int i = 0; i < end; i++) {
            Task<?> t = from[i];
            if (t != null) {
                t.liveSlot = next;
                into[next++] = t;
            }
        }
        if (into == from) {
            Arrays.fill(from, next, end, null);
        }
        tasks = into;
        end = next;
    }
}
