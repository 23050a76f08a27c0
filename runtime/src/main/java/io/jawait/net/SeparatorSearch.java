package io.jawait.net;

/**
 * {@link StreamReader#readUntil(byte[])} and {@link StreamReader#readLine()} over the buffer,
 * with asyncio's limit rules. The search offset survives between attempts so each byte is
 * scanned about once however the data trickles in.
 */
final class SeparatorSearch implements BufferedRead.Attempt {
    private static final byte[] NEWLINE = {'\n'};

    private final StreamReader reader;
    private final ReadBuffer buffer;
    private final byte[] separator;
    private final boolean line;
    private int offset;

    private SeparatorSearch(StreamReader reader, ReadBuffer buffer, byte[] separator, boolean line) {
        this.reader = reader;
        this.buffer = buffer;
        this.separator = separator;
        this.line = line;
    }

    static SeparatorSearch until(StreamReader reader, ReadBuffer buffer, byte[] separator) {
        return new SeparatorSearch(reader, buffer, separator, false);
    }

    static SeparatorSearch line(StreamReader reader, ReadBuffer buffer) {
        return new SeparatorSearch(reader, buffer, NEWLINE, true);
    }

    @Override
    public byte[] tryRead() throws Exception {
        if (!line) {
            return search();
        }
        try {
            return search();
        } catch (IncompleteReadException e) {
            return e.partial();
        } catch (LimitOverrunException e) {
            // readline consumes the over-long line if its end is here, else everything buffered.
            if (buffer.startsWith(separator, e.consumed())) {
                buffer.skip(e.consumed() + separator.length);
            } else {
                buffer.clear();
            }
            reader.maybeResumeReading();
            throw new LimitOverrunException("line longer than the limit of " + reader.limit() + " bytes: "
                    + e.getMessage(), e.consumed());
        }
    }

    private byte[] search() throws Exception {
        reader.throwIfFailed();
        int limit = reader.limit();
        int sepLen = separator.length;
        int found = -1;
        int size = buffer.size();
        if (size - offset >= sepLen) {
            found = buffer.indexOf(separator, offset);
            if (found < 0) {
                offset = size + 1 - sepLen;
                if (offset > limit) {
                    throw new LimitOverrunException("Separator is not found, and chunk exceed the limit", offset);
                }
            }
        }
        if (found < 0) {
            if (reader.eofReceived()) {
                throw new IncompleteReadException(buffer.takeAll(), IncompleteReadException.UNTIL_SEPARATOR);
            }
            return null;
        }
        if (found > limit) {
            throw new LimitOverrunException("Separator is found, but chunk is longer than limit", found);
        }
        byte[] chunk = buffer.take(found + sepLen);
        reader.maybeResumeReading();
        return chunk;
    }
}
