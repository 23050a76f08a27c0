package io.jawait;

/**
 * The loop's FIFO of ready entries: a chain of fixed-size blocks, like CPython's deque.
 *
 * <p>Unlike an {@code ArrayDeque}, which keeps its largest array forever, a block is dropped as
 * soon as it is consumed: the memory of a burst (a million tasks scheduled at once) is given back
 * while the burst drains. When the queue empties, its one block is reused, so a steady loop
 * allocates nothing here. Loop thread only.
 */
final class ReadyQueue {
    /** Entries per block; the slot after them links to the next block. */
    private static final int BLOCK = 256;

    private Object[] head = new Object[BLOCK + 1];
    private Object[] tail = head;
    private int headIndex;
    private int tailIndex;
    private int size;

    void add(Object item) {
        if (tailIndex == BLOCK) {
            Object[] next = new Object[BLOCK + 1];
            tail[BLOCK] = next;
            tail = next;
            tailIndex = 0;
        }
        tail[tailIndex++] = item;
        size++;
    }

    /** @return the oldest entry, or {@code null} if there is none */
    Object poll() {
        if (size == 0) {
            return null;
        }
        if (headIndex == BLOCK) {
            Object[] next = (Object[]) head[BLOCK];
            head[BLOCK] = null;
            head = next;
            headIndex = 0;
        }
        Object item = head[headIndex];
        head[headIndex++] = null;
        if (--size == 0) {
            // head == tail and every slot is cleared: start over at the front of this block.
            headIndex = 0;
            tailIndex = 0;
        }
        return item;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        while (poll() != null) {
            // drops the entries and the blocks behind them
        }
    }
}
