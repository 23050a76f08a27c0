package io.jawait.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.AsyncIterator;
import io.jawait.Asyncio;
import io.jawait.CancelledException;
import io.jawait.EventLoop;
import io.jawait.Task;
import java.io.IOException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reader's buffer semantics (asyncio's StreamReader), fed directly without a socket. */
class StreamReaderTest {
    private final EventLoop loop = EventLoop.createVirtual();
    private final StreamReader reader = new StreamReader(loop, 16);

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    static byte[] bytes(String s) {
        return s.getBytes(US_ASCII);
    }

    static String text(byte[] b) {
        return new String(b, US_ASCII);
    }

    private void feed(String s) {
        byte[] b = bytes(s);
        reader.feedData(b, 0, b.length);
    }

    /** Feeds {@code s} at virtual time {@code t}. */
    private void feedAt(double t, String s) {
        loop.callAt(t, () -> feed(s));
    }

    private void eofAt(double t) {
        loop.callAt(t, reader::feedEof);
    }

    private <T> T run(Chain<T> chain) {
        return loop.runUntilComplete(chain);
    }

    @Test
    void readReturnsWhatIsBufferedUpToNAndWaitsOnlyWhenEmpty() {
        feedAt(1, "abcdef");
        assertEquals("abcd", text(run(Chain.await(() -> reader.read(4)))));
        assertEquals(1.0, loop.time());
        assertEquals("ef", text(run(Chain.await(() -> reader.read(100)))));
        assertEquals(0, run(Chain.await(() -> reader.read(0))).length);
        eofAt(2);
        assertEquals(0, run(Chain.await(() -> reader.read(10))).length);
        assertEquals(2.0, loop.time());
        assertTrue(reader.atEof());
    }

    @Test
    void readMinusOneReadsEverythingToEndOfStream() {
        feedAt(1, "0123456789abcdefghij");
        feedAt(2, "0123456789abcdefghij0123456789");
        feedAt(3, "!");
        eofAt(4);
        byte[] all = run(Chain.await(() -> reader.read(-1)));
        assertEquals("0123456789abcdefghij0123456789abcdefghij0123456789!", text(all));
        assertEquals(4.0, loop.time());
        assertTrue(reader.atEof());
    }

    @Test
    void readLineReturnsLinesAndThePartialLastLineAtEof() {
        feedAt(1, "one\ntw");
        feedAt(2, "o\nthree");
        eofAt(3);
        List<String> lines = new ArrayList<>();
        run(Chain.repeat(4, i -> Chain.await(reader::readLine).map(l -> lines.add(text(l)))));
        assertEquals(List.of("one\n", "two\n", "three", ""), lines);
        assertTrue(reader.atEof());
    }

    @Test
    void overLongLineWhoseNewlineArrivedIsConsumedAndReadingGoesOn() {
        feed("0123456789abcdefghij\nnext\n");
        Throwable e = run(Chain.await(reader::readLine).failure());
        LimitOverrunException overrun = assertInstanceOf(LimitOverrunException.class, e);
        assertTrue(overrun.getMessage().contains("Separator is found, but chunk is longer than limit"), overrun.getMessage());
        assertEquals("next\n", text(run(Chain.await(reader::readLine))));
    }

    @Test
    void overLongLineWithoutNewlineClearsTheBuffer() {
        feed("0123456789abcdefghij");
        Throwable e = run(Chain.await(reader::readLine).failure());
        assertTrue(e.getMessage().contains("Separator is not found, and chunk exceed the limit"), e.getMessage());
        feedAt(1, "tail\n");
        assertEquals("tail\n", text(run(Chain.await(reader::readLine))));
    }

    @Test
    void lineOfExactlyTheLimitIsAccepted() {
        feed("0123456789abcdef\n");
        assertEquals(17, run(Chain.await(reader::readLine)).length);
    }

    @Test
    void readExactlyWaitsForAllBytesAndIsNotBoundedByTheLimit() {
        feedAt(1, "0123456789abcdef");
        feedAt(2, "0123456789abcdef!!");
        byte[] got = run(Chain.await(() -> reader.readExactly(33)));
        assertEquals("0123456789abcdef0123456789abcdef!", text(got));
        assertEquals(2.0, loop.time());
        assertEquals(0, run(Chain.await(() -> reader.readExactly(0))).length);
        assertThrows(IllegalArgumentException.class, () -> reader.readExactly(-1));
    }

    @Test
    void endOfStreamInTheMiddleOfReadExactlyCarriesThePartialBytes() {
        feedAt(1, "abc");
        eofAt(2);
        Throwable e = run(Chain.await(() -> reader.readExactly(10)).failure());
        IncompleteReadException incomplete = assertInstanceOf(IncompleteReadException.class, e);
        assertEquals("abc", text(incomplete.partial()));
        assertEquals(10, incomplete.expected());
        assertTrue(reader.atEof(), "the partial bytes are consumed");
    }

    @Test
    void readUntilFindsASeparatorSplitAcrossArrivals() {
        feedAt(1, "key=value\r");
        feedAt(2, "\nrest");
        assertEquals("key=value\r\n", text(run(Chain.await(() -> reader.readUntil(bytes("\r\n"))))));
        assertEquals("rest", text(run(Chain.await(() -> reader.read(4)))));
        assertThrows(IllegalArgumentException.class, () -> reader.readUntil(new byte[0]));
    }

    @Test
    void readUntilAtEndOfStreamThrowsIncompleteReadWithEverythingBuffered() {
        feed("no separator");
        reader.feedEof();
        IncompleteReadException e = assertInstanceOf(IncompleteReadException.class,
                run(Chain.await(() -> reader.readUntil(bytes(";"))).failure()));
        assertEquals("no separator", text(e.partial()));
        assertEquals(IncompleteReadException.UNTIL_SEPARATOR, e.expected());
    }

    @Test
    void readUntilOverTheLimitConsumesNothing() {
        feed("0123456789abcdefghij;");
        LimitOverrunException e = assertInstanceOf(LimitOverrunException.class,
                run(Chain.await(() -> reader.readUntil(bytes(";"))).failure()));
        assertEquals(20, e.consumed());
        assertEquals("0123456789abcdefghij;", text(run(Chain.await(() -> reader.readExactly(21)))));
    }

    @Test
    void aFailureIsThrownByEveryLaterReadAndWakesAWaitingOne() {
        SocketException reset = new SocketException("Connection reset");
        loop.callAt(1, () -> reader.setFailure(reset));
        assertEquals(reset, run(Chain.await(reader::readLine).failure()));
        feed("data");
        assertEquals(reset, run(Chain.await(() -> reader.read(4)).failure()));
        assertEquals(reset, run(Chain.await(() -> reader.readExactly(1)).failure()));
        assertFalse(reader.atEof());
    }

    @Test
    void onlyOneCoroutineMayWaitForData() {
        Task<byte[]> first = loop.createTask(reader.read(1));
        Throwable second = run(Chain.await(() -> Asyncio.sleep(0)).then(v -> reader.read(1)).failure());
        assertInstanceOf(IllegalStateException.class, second);
        assertTrue(second.getMessage().contains("already waiting for incoming data"), second.getMessage());
        feed("x");
        assertEquals("x", text(loop.runUntilComplete(first)));
    }

    @Test
    void aCancelledReadLeavesTheReaderUsable() {
        Task<byte[]> waiting = loop.createTask(reader.readLine());
        loop.callAt(1, () -> waiting.cancel());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(waiting));
        feed("after\n");
        assertEquals("after\n", text(run(Chain.await(reader::readLine))));
    }

    @Test
    void iterationYieldsOneLinePerElementUntilEndOfStream() throws Throwable {
        feedAt(1, "a\nbb\n");
        feedAt(2, "ccc");
        eofAt(3);
        AsyncIterator<byte[]> it = reader.asyncIterator();
        List<String> lines = new ArrayList<>();
        run(Chain.loopWhile(() -> Chain.await(it::hasNext).map(has -> {
            if (has) {
                lines.add(text(it.next()));
            }
            return has;
        })));
        assertEquals(List.of("a\n", "bb\n", "ccc"), lines);
        assertThrows(NoSuchElementException.class, it::next);
        assertThrows(IllegalStateException.class, () -> reader.iterator());
    }

    @Test
    void limitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new StreamReader(loop, 0));
        assertInstanceOf(IOException.class, new LimitOverrunException("x", 1));
        assertArrayEquals(new byte[] {1}, new IncompleteReadException(new byte[] {1}, 2).partial());
    }
}
