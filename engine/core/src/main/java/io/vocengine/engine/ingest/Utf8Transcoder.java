package io.vocengine.engine.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Re-encodes a stream in a charset that is not ASCII-compatible (UTF-16) as UTF-8, so that JSON Lines can be split on
 * the byte '\n': in UTF-16 that byte also occurs inside characters (上 is 0A 4E in UTF-16LE). Decoding is strict, so
 * invalid input (an unpaired surrogate) fails the whole input with an {@link IngestException} instead of becoming
 * U+FFFD; such files are rare enough that stopping with a clear message is better than guessing. Not thread-safe.
 */
final class Utf8Transcoder extends InputStream {
    private final Reader reader;
    private final String name;
    private final Charset charset;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3 + 8).flip();
    private boolean endOfChars;

    Utf8Transcoder(InputStream in, Charset charset, String name) {
        this.reader = new InputStreamReader(in, charset.newDecoder());
        this.charset = charset;
        this.name = name;
    }

    /** True when '\n' is not the single byte 0x0A in {@code charset}, so its bytes cannot be split into lines as is. */
    static boolean needed(Charset charset) {
        byte[] newline = "\n".getBytes(charset);
        return newline.length != 1 || newline[0] != '\n';
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (!bytes.hasRemaining()) {
            if (!refill()) return -1;
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private boolean refill() throws IOException {
        if (endOfChars && !chars.hasRemaining()) return false;
        chars.compact();
        try {
            if (!endOfChars && reader.read(chars) < 0) endOfChars = true;
        } catch (CharacterCodingException e) {
            throw new IngestException(name + " is not valid " + charset.name() + " (" + e.getMessage()
                    + "); re-save it as UTF-8", e);
        } finally {
            chars.flip();
        }
        bytes.clear();
        CoderResult r = encoder.encode(chars, bytes, endOfChars);
        if (endOfChars && !r.isError() && !chars.hasRemaining()) r = encoder.flush(bytes);
        bytes.flip();
        if (r.isError()) r.throwException(); // cannot happen: the strict decoder never yields unpaired surrogates
        return true;
    }
}
