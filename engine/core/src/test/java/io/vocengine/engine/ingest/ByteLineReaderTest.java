package io.vocengine.engine.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteLineReaderTest {
    private static ByteLineReader reader(byte[] input, long max, OverflowSink sink) {
        return new ByteLineReader(new ByteArrayInputStream(input), "t", max, sink);
    }

    private static String text(ByteLineReader.Line line) {
        return new String(line.bytes(), UTF_8);
    }

    @Test
    void splitsOnNewlineAndDropsCarriageReturnBeforeIt() throws IOException {
        ByteLineReader r = reader("a\r\nb\r\r\n\nc\rd\nlast".getBytes(UTF_8), 100, OverflowSink.discard());
        assertEquals("a", text(r.next()));
        assertEquals("b\r", text(r.next()));
        assertEquals("", text(r.next()));
        ByteLineReader.Line cd = r.next();
        assertEquals("c\rd", text(cd));
        assertEquals(4, cd.number());
        assertEquals(8, cd.offset());
        assertEquals("last", text(r.next()));
        assertNull(r.next());
        assertEquals(16, r.bytesRead());
    }

    @Test
    void linesAcrossBufferBoundariesAreWhole() throws IOException {
        byte[] line = new byte[200_000];
        Arrays.fill(line, (byte) 'x');
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            in.writeBytes(line);
            in.write('\n');
        }
        ByteLineReader r = reader(in.toByteArray(), 1 << 20, OverflowSink.discard());
        for (int i = 0; i < 3; i++) assertArrayEquals(line, r.next().bytes());
        assertNull(r.next());
    }

    @Test
    void lineOverTheCapGoesToTheSinkByteForByte() throws IOException {
        byte[] big = new byte[300_001];
        for (int i = 0; i < big.length; i++) big[i] = (byte) ('a' + i % 26);
        big[big.length - 1] = '\r'; // a '\r' inside the line, not before its '\n', is content
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes("short\n".getBytes(UTF_8));
        input.writeBytes(big);
        input.writeBytes("x\r\nafter".getBytes(UTF_8));
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        ByteLineReader r = reader(input.toByteArray(), 1000,
                (source, line) -> new OverflowSink.Target(kept, source + "#" + line));

        assertEquals("short", text(r.next()));
        ByteLineReader.Line tooLarge = r.next();
        assertTrue(tooLarge.tooLarge());
        assertEquals(big.length + 1, tooLarge.length());
        assertEquals("t#2", tooLarge.keptAt());
        byte[] expected = Arrays.copyOf(big, big.length + 1);
        expected[big.length] = 'x';
        assertArrayEquals(expected, kept.toByteArray());
        assertEquals("after", text(r.next()));
    }

    @Test
    void lineJustOverTheCapIsTooLargeAndExactlyAtTheCapIsNot() throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        ByteLineReader r = reader("12345\r\n123456\n123456".getBytes(UTF_8), 5,
                (source, line) -> new OverflowSink.Target(kept, "k"));
        assertEquals("12345", text(r.next()));
        assertEquals(6, r.next().length());
        assertTrue(r.next().tooLarge());
        assertEquals("123456123456", kept.toString(UTF_8));
    }

    @Test
    void lineLargerThanTheHeapStreamsThroughWithoutBeingHeld() throws IOException {
        long size = 3L << 30; // 3 GiB: more than the test JVM's heap and than any Java array
        InputStream huge = new InputStream() {
            private long left = size;
            private boolean newlineSent;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    if (newlineSent) return -1;
                    newlineSent = true;
                    b[off] = '\n';
                    return 1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'z');
                left -= n;
                return n;
            }
        };
        long[] counted = {0};
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                counted[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                counted[0] += len;
            }
        };
        ByteLineReader r = new ByteLineReader(huge, "huge", 1 << 20, (s, l) -> new OverflowSink.Target(counter, "c"));
        ByteLineReader.Line line = r.next();
        assertTrue(line.tooLarge());
        assertEquals(size, line.length());
        assertEquals(size, counted[0]);
        assertNull(r.next());
    }
}
