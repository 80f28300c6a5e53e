package io.vocengine.engine.model;

import java.util.Arrays;

/**
 * Maps every UTF-16 unit of a derived text back to the span of the source text it came from.
 * Unit {@code i} of the derived text came from source units [start(i), end(i)); starts and ends never decrease, so
 * any derived span maps to one contiguous source span. Immutable.
 */
public final class OffsetMap {
    private final int[] starts;
    private final int[] ends;
    private final int sourceLength;

    OffsetMap(int[] starts, int[] ends, int sourceLength) {
        this.starts = starts;
        this.ends = ends;
        this.sourceLength = sourceLength;
    }

    public static OffsetMap identity(int length) {
        int[] s = new int[length];
        int[] e = new int[length];
        for (int i = 0; i < length; i++) {
            s[i] = i;
            e[i] = i + 1;
        }
        return new OffsetMap(s, e, length);
    }

    /** Length of the derived text. */
    public int length() {
        return starts.length;
    }

    /** The source span of derived span [start, end). An empty span maps to the source position where it sits. */
    public Span toSource(int start, int end) {
        if (start < 0 || end > starts.length || end < start) {
            throw new IndexOutOfBoundsException("span [" + start + "," + end + ") outside text of length " + starts.length);
        }
        if (start == end) {
            int p = start < starts.length ? starts[start] : sourceLength;
            return new Span(p, p);
        }
        return new Span(starts[start], ends[end - 1]);
    }

    /** The map of the first {@code n} units of the derived text. */
    public OffsetMap prefix(int n) {
        return new OffsetMap(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), sourceLength);
    }

    /** Composes maps: {@code this} maps B to A, {@code next} maps C to B; the result maps C to A. */
    public OffsetMap then(OffsetMap next) {
        if (next.sourceLength != length()) {
            throw new IllegalArgumentException("cannot compose: next map expects a source of " + next.sourceLength
                    + " units, this text has " + length());
        }
        int n = next.length();
        int[] s = new int[n];
        int[] e = new int[n];
        for (int i = 0; i < n; i++) {
            Span span = toSource(next.starts[i], next.ends[i]);
            s[i] = span.start();
            e[i] = span.end();
        }
        return new OffsetMap(s, e, sourceLength);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OffsetMap m && m.sourceLength == sourceLength && Arrays.equals(m.starts, starts)
                && Arrays.equals(m.ends, ends);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + sourceLength;
    }

    /**
     * Builds a derived text and its map in one pass. Not thread-safe: one per rewrite.
     * Every appended unit must come from a source span at or after the previous one.
     */
    public static final class Builder {
        private final StringBuilder text;
        private int[] starts;
        private int[] ends;
        private int size;
        private final int sourceLength;

        public Builder(int sourceLength) {
            this.sourceLength = sourceLength;
            this.text = new StringBuilder(sourceLength);
            this.starts = new int[Math.max(16, sourceLength)];
            this.ends = new int[Math.max(16, sourceLength)];
        }

        /** Appends {@code chars}, all of which stand for source span [srcStart, srcEnd). */
        public Builder append(CharSequence chars, int srcStart, int srcEnd) {
            if (srcStart < 0 || srcEnd > sourceLength || srcEnd < srcStart) {
                throw new IllegalArgumentException("bad source span [" + srcStart + "," + srcEnd + ")");
            }
            if (size > 0 && (srcStart < starts[size - 1] || srcEnd < ends[size - 1])) {
                throw new IllegalArgumentException("source spans must not go backwards: [" + srcStart + "," + srcEnd
                        + ") after [" + starts[size - 1] + "," + ends[size - 1] + ")");
            }
            for (int i = 0; i < chars.length(); i++) appendChar(chars.charAt(i), srcStart, srcEnd);
            return this;
        }

        /** Copies source units [srcStart, srcEnd) unchanged, each mapped to itself. */
        public Builder copy(CharSequence source, int srcStart, int srcEnd) {
            for (int i = srcStart; i < srcEnd; i++) appendChar(source.charAt(i), i, i + 1);
            return this;
        }

        /** Appends one unit standing for source span [srcStart, srcEnd); the allocation-free form of append. */
        public Builder appendChar(char c, int srcStart, int srcEnd) {
            if (size > 0 && (srcStart < starts[size - 1] || srcEnd < ends[size - 1])) {
                throw new IllegalArgumentException("source spans must not go backwards: [" + srcStart + "," + srcEnd
                        + ") after [" + starts[size - 1] + "," + ends[size - 1] + ")");
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            starts[size] = srcStart;
            ends[size] = srcEnd;
            size++;
            text.append(c);
            return this;
        }

        public int length() {
            return size;
        }

        public String text() {
            return text.toString();
        }

        public OffsetMap map() {
            return new OffsetMap(Arrays.copyOf(starts, size), Arrays.copyOf(ends, size), sourceLength);
        }
    }
}
