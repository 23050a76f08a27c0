package io.jawait;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The loop's tasks that are not done yet (for {@link Asyncio#allTasks()} and the shutdown of
 * {@link Asyncio#run(Coroutine)}): an intrusive doubly linked list through the tasks themselves,
 * so adding and removing cost no allocation. The list holds the tasks strongly, which also keeps
 * a task nobody references alive until it finishes.
 */
final class LiveTasks {
    private Task<?> head;
    private int size;

    void add(Task<?> task) {
        task.nextLive = head;
        if (head != null) {
            head.prevLive = task;
        }
        head = task;
        size++;
    }

    void remove(Task<?> task) {
        if (task.prevLive != null) {
            task.prevLive.nextLive = task.nextLive;
        } else if (head == task) {
            head = task.nextLive;
        } else {
            return; // not in the list (removed already)
        }
        if (task.nextLive != null) {
            task.nextLive.prevLive = task.prevLive;
        }
        task.prevLive = null;
        task.nextLive = null;
        size--;
    }

    int size() {
        return size;
    }

    Set<Task<?>> snapshot() {
        Set<Task<?>> all = new LinkedHashSet<>(Math.max(16, size * 2));
        for (Task<?> t = head; t != null; t = t.nextLive) {
            all.add(t);
        }
        return all;
    }
}
