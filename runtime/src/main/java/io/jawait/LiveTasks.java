package io.jawait;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The loop's tasks that are not done yet (for {@link Asyncio#allTasks()} and the shutdown of
 * {@link Asyncio#run(Coroutine)}): an array, each task knowing its slot, so adding and removing
 * cost no allocation and a task needs one int field rather than two links. The array holds the
 * tasks strongly, which also keeps a task nobody references alive until it finishes.
 */
final class LiveTasks {
    private static final int MIN_CAPACITY = 16;

    private Task<?>[] tasks = new Task<?>[MIN_CAPACITY];
    private int size;

    void add(Task<?> task) {
        if (size == tasks.length) {
            tasks = Arrays.copyOf(tasks, size * 2);
        }
        task.liveSlot = size;
        tasks[size++] = task;
    }

    /** Removes {@code task} by moving the last task into its slot; does nothing if it is not here. */
    void remove(Task<?> task) {
        int slot = task.liveSlot;
        if (slot < 0) {
            return;
        }
        Task<?> last = tasks[--size];
        tasks[slot] = last;
        last.liveSlot = slot;
        tasks[size] = null;
        task.liveSlot = -1;
        if (size < tasks.length / 16 && tasks.length > MIN_CAPACITY) {
            // A burst of tasks leaves no big array behind; shrinking late keeps the copies rare.
            tasks = Arrays.copyOf(tasks, Math.max(MIN_CAPACITY, tasks.length / 4));
        }
    }

    int size() {
        return size;
    }

    /** The pending tasks, oldest first (removals reorder the array, so order by creation). */
    Set<Task<?>> snapshot() {
        Task<?>[] copy = Arrays.copyOf(tasks, size);
        Arrays.sort(copy, Comparator.comparingLong(Task::creationNumber));
        return new LinkedHashSet<>(Arrays.asList(copy));
    }
}
