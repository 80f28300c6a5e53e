package io.vocengine.engine.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines on '\n', dropping the '\n' and a '\r' just before it, without decoding anything.
 * <p>
 * Memory stays bounded by the line cap: a line longer than {@code maxLineBytes} is never held whole. From the moment
 * it passes the cap its bytes (all of them, from the first) are streamed to an {@link OverflowSink} target, and the
 * line comes back as {@link Line#tooLarge() too large} with its total length and where its bytes went.
 * <p>
 * Reads through its own 64 KiB buffer; a short line costs one scan and one copy. Not thread-safe: one reader thread.
 * After an {@link IOException} the reader is unusable.
 */
public final class ByteLineReader implements Closeable {
    private static final int BUFFER_SIZE = 1 << 16;
    private static final int INITIAL_LINE_BUFFER = 1 << 10;
    // After a line longer than this, the line buffer is let go, so one big record does not pin its size for good.
    private static final int KEPT_LINE_BUFFER = 1 << 20;

    private final InputStream in;
    private final String source;
    private final long maxLineBytes;
    private final OverflowSink overflow;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;
    private long bufStart;
    private boolean eof;
    private long lineNumber;

    // The line being read: in memory while it fits under the cap, then in the overflow target.
    private byte[] acc = new byte[INITIAL_LINE_BUFFER];
    private int accLength;
    private OverflowSink.Target spill;
    private long spilled;
    private boolean heldCr;

    /**
     * @param in           read from its current position; closed by {@link #close()}
     * @param source       the input's name, passed to the overflow sink and used in messages
     * @param maxLineBytes the longest line returned in memory, not counting its terminator
     * @param overflow     receives the bytes of longer lines
     */
    public ByteLineReader(InputStream in, String source, long maxLineBytes, OverflowSink overflow) {
        if (maxLineBytes < 1 || maxLineBytes > IngestOptions.MAX_RECORD_BYTES_LIMIT) {
            throw new IllegalArgumentException("max line bytes must be 1.." + IngestOptions.MAX_RECORD_BYTES_LIMIT
                    + ", got " + maxLineBytes);
        }
        this.in = in;
        this.source = source;
        this.maxLineBytes = maxLineBytes;
        this.overflow = overflow;
    }

    /**
     * One line of input.
     *
     * @param number   1-based line number
     * @param offset   byte offset of the line's first byte in the stream
     * @param bytes    the line without its terminator; a fresh array the caller may keep. Null when too large
     * @param length   the line's length in bytes, also when too large
     * @param keptAt   where the bytes of a too-large line went ({@link OverflowSink.Target#location()}); null when
     *                 not kept or not too large
     */
    public record Line(long number, long offset, byte[] bytes, long length, String keptAt) {
        public boolean tooLarge() {
            return bytes == null;
        }
    }

    /** The next line, or null at the end of the input. A last line without '\n' is still a line. */
    public Line next() throws IOException {
        if (pos == limit && !fill()) return null;
        long number = ++lineNumber;
        long offset = bufStart + pos;
        accLength = 0;
        while (true) {
            int newline = indexOfNewline();
            int end = newline < 0 ? limit : newline;
            if (newline >= 0 && accLength == 0 && spill == null) {
                // The common case: the whole line is in the buffer.
                int start = pos;
                int stop = newline > start && buf[newline - 1] == '\r' ? newline - 1 : newline;
                pos = newline + 1;
                if (stop - start > maxLineBytes) return overLong(number, offset, buf, start, stop);
                return new Line(number, offset, Arrays.copyOfRange(buf, start, stop), stop - start, null);
            }
            take(number, pos, end);
            pos = newline < 0 ? limit : newline + 1;
            if (newline >= 0 || (pos == limit && !fill())) return finish(number, offset);
        }
    }

    /** Bytes consumed from the stream: the end of the last line returned. */
    public long bytesRead() {
        return bufStart + pos;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int indexOfNewline() {
        byte[] b = buf;
        for (int i = pos, n = limit; i < n; i++) {
            if (b[i] == '\n') return i;
        }
        return -1;
    }

    private boolean fill() throws IOException {
        if (eof) return false;
        bufStart += limit;
        pos = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit = n;
        return true;
    }

    /** Adds buf[from, to) to the current line: in memory while it fits (allowing for a final '\r'), else spilled. */
    private void take(long number, int from, int to) throws IOException {
        if (spill == null && accLength + (long) (to - from) <= maxLineBytes + 1) {
            long needed = accLength + (long) (to - from);
            if (needed > acc.length) {
                acc = Arrays.copyOf(acc, (int) Math.min(maxLineBytes + 1, Math.max(acc.length * 2L, needed)));
            }
            System.arraycopy(buf, from, acc, accLength, to - from);
            accLength += to - from;
            return;
        }
        if (spill == null) {
            startSpill(number);
            spill(number, acc, 0, accLength, false);
            accLength = 0;
        }
        spill(number, buf, from, to - from, false);
    }

    private Line finish(long number, long offset) throws IOException {
        Line line;
        if (spill != null) {
            line = endSpill(number, offset);
        } else {
            int length = accLength > 0 && acc[accLength - 1] == '\r' ? accLength - 1 : accLength;
            line = length > maxLineBytes ? overLong(number, offset, acc, 0, length)
                    : new Line(number, offset, Arrays.copyOf(acc, length), length, null);
        }
        if (acc.length > KEPT_LINE_BUFFER) acc = new byte[INITIAL_LINE_BUFFER];
        return line;
    }

    /** A line just over the cap that is still in memory: it goes to the sink like any too-large line. */
    private Line overLong(long number, long offset, byte[] bytes, int from, int to) throws IOException {
        startSpill(number);
        spill(number, bytes, from, to - from, true);
        return endSpill(number, offset);
    }

    private void startSpill(long number) throws IOException {
        try {
            spill = overflow.open(source, number);
        } catch (IOException e) {
            throw new IOException(source + " line " + number + ": cannot keep the bytes of this over-long line: "
                    + e.getMessage(), e);
        }
        spilled = 0;
        heldCr = false;
    }

    /**
     * Writes a chunk of the line to the overflow target. Unless the chunk is known to be the whole rest of the line, a
     * '\r' at its end is held back: it is dropped if the line ends right after it.
     */
    private void spill(long number, byte[] bytes, int from, int length, boolean rest) throws IOException {
        if (length == 0) return;
        try {
            OutputStream out = spill.out();
            if (heldCr) {
                out.write('\r');
                spilled++;
            }
            heldCr = !rest && bytes[from + length - 1] == '\r';
            int n = heldCr ? length - 1 : length;
            out.write(bytes, from, n);
            spilled += n;
        } catch (IOException e) {
            throw keepFailed(number, spill, e);
        }
    }

    private Line endSpill(long number, long offset) throws IOException {
        OverflowSink.Target target = spill;
        spill = null;
        try {
            target.out().close();
        } catch (IOException e) {
            throw keepFailed(number, target, e);
        }
        return new Line(number, offset, null, spilled, target.location());
    }

    private IOException keepFailed(long number, OverflowSink.Target target, IOException e) {
        return new IOException(source + " line " + number + ": cannot keep the bytes of this over-long line"
                + (target.location() == null ? "" : " in " + target.location()) + ": " + e.getMessage(), e);
    }
}
