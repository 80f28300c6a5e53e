package io.vocengine.engine.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it, for progress, and can cap how many more may be read: CSV uses the cap to stop a
 * runaway record (an unbalanced quote) before commons-csv buffers the rest of the file in memory. Not thread-safe.
 */
final class CountingInputStream extends FilterInputStream {
    private long count;
    private long limit = Long.MAX_VALUE;

    /** Thrown by a read that would pass the cap set by {@link #limitFromHere}. */
    static final class LimitExceededException extends IOException {
        LimitExceededException(long limit) {
            super("read past the limit of " + limit + " bytes");
        }
    }

    /** @param alreadyRead bytes of the input consumed before {@code in} starts (a skipped byte-order mark) */
    CountingInputStream(InputStream in, long alreadyRead) {
        super(in);
        this.count = alreadyRead;
    }

    long count() {
        return count;
    }

    /** From now on at most {@code maxBytes} more may be read; reading more throws {@link LimitExceededException}. */
    void limitFromHere(long maxBytes) {
        limit = maxBytes > Long.MAX_VALUE - count ? Long.MAX_VALUE : count + maxBytes;
    }

    @Override
    public int read() throws IOException {
        checkLimit(1);
        int b = in.read();
        if (b >= 0) count++;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkLimit(len);
        int n = in.read(b, off, (int) Math.min(len, limit - count));
        if (n > 0) count += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        checkLimit(n);
        long skipped = in.skip(Math.min(n, limit - count));
        count += skipped;
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false; // a reset would make the count wrong
    }

    private void checkLimit(long wanted) throws LimitExceededException {
        if (wanted > 0 && count >= limit) throw new LimitExceededException(limit);
    }
}
