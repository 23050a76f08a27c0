package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Asyncio.run: a fresh loop per call, leftovers cancelled, the loop closed. */
class RunTest {

    @Test
    void returnsTheResultOnAFreshLoopThatIsClosedAfterwards() {
        EventLoop[] seen = {null};
        Object r = Asyncio.run(new Script<>().run(() -> seen[0] = Asyncio.getRunningLoop()).await(() -> Asyncio.sleep(0, "v")));
        assertEquals("v", r);
        assertTrue(seen[0].isClosed());
        assertFalse(seen[0].isDebug());
        assertThrows(IllegalStateException.class, Asyncio::getRunningLoop);
    }

    @Test
    void failureIsThrownUnwrapped() {
        java.io.IOException io = new java.io.IOException("io");
        assertSame(io, assertThrows(java.io.IOException.class, () -> Asyncio.run(new Script<>().fail(() -> io))));
    }

    @Test
    void debugFlagTurnsOnDebugMode() {
        assertEquals(true, Asyncio.run(new Script<Boolean>().map(v -> Asyncio.getRunningLoop().isDebug()), true));
    }

    @Test
    void leftoverTasksAreCancelledAndTheirFailuresReported() {
        List<String> log = new ArrayList<>();
        List<Map<String, Object>> reports = new ArrayList<>();
        IllegalStateException cleanupFailure = new IllegalStateException("cleanup");
        Asyncio.run(new Script<>().run(() -> {
            Asyncio.getRunningLoop().setExceptionHandler((l, ctx) -> reports.add(ctx));
            Asyncio.createTask(new Script<>().await(() -> Asyncio.sleep(3600)).finallyRun(() -> log.add("cancelled")));
            Asyncio.createTask(new Script<>().await(() -> Asyncio.sleep(3600)).finallyRun(() -> {
                throw cleanupFailure;
            }));
        }).await(() -> Asyncio.sleep(0)));
        assertEquals(List.of("cancelled"), log);
        assertEquals(1, reports.size());
        assertSame(cleanupFailure, reports.get(0).get("exception"));
        assertEquals("unhandled exception during Asyncio.run() shutdown", reports.get(0).get("message"));
    }

    @Test
    void theSameCoroutineCannotBeRunTwice() {
        Coroutine<Void> main = Asyncio.sleep(0);
        Asyncio.run(main);
        assertThrows(IllegalStateException.class, () -> Asyncio.run(main));
    }
}
