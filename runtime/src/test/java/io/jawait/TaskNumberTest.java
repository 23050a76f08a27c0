package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Task-N numbers past 2^32, which no longer fit the task's int field, stay exact. */
class TaskNumberTest {

    @Test
    void numbersBeyondTheIntRangeStayExact() throws Exception {
        Field field = Task.class.getDeclaredField("COUNTER");
        field.setAccessible(true);
        AtomicLong counter = (AtomicLong) field.get(null);
        long saved = counter.get();
        try (EventLoop loop = EventLoop.createVirtual()) {
            counter.set(0x7FFF_FFFEL);
            assertEquals("Task-2147483647", loop.createTask(Coroutine.of(1)).getName());
            assertEquals("Task-2147483648", loop.createTask(Coroutine.of(1)).getName());
            counter.set(0xFFFF_FFFEL);
            assertEquals("Task-4294967295", loop.createTask(Coroutine.of(1)).getName());
            Task<Integer> big = loop.createTask(Coroutine.of(1));
            assertEquals("Task-4294967296", big.getName());
            big.setName("named");
            assertEquals("named", big.getName());
            big.setName(null);
            assertEquals("Task-4294967296", big.getName());
            loop.runUntilComplete(big);
        } finally {
            counter.set(saved + 4);
        }
    }
}
