package io.vocengine.engine.ingest;

/**
 * What every {@link IngestSource} knows about its input, in one place: its name, format, encoding, byte counts and
 * how many records it has returned. Single-threaded like every source.
 */
abstract sealed class InputSource implements IngestSource permits JsonLinesSource, CsvSource {
    private final String name;
    private final IngestOptions.Format format;
    private final InputEncoding encoding;
    final CountingInputStream counted;
    private final long totalBytes;
    private long records;
    private String stoppedEarly;

    InputSource(String name, IngestOptions.Format format, InputEncoding encoding, CountingInputStream counted,
                long totalBytes) {
        this.name = name;
        this.format = format;
        this.encoding = encoding;
        this.counted = counted;
        this.totalBytes = totalBytes;
    }

    /** Counts one more record returned by {@link #next()}. */
    final void countRecord() {
        records++;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final IngestOptions.Format format() {
        return format;
    }

    @Override
    public final InputEncoding encoding() {
        return encoding;
    }

    @Override
    public final long recordsRead() {
        return records;
    }

    /** Bytes pulled from the input; runs ahead of the records returned by at most the read buffers. */
    @Override
    public final long bytesRead() {
        return counted.count();
    }

    @Override
    public final long totalBytes() {
        return totalBytes;
    }

    @Override
    public final String stoppedEarly() {
        return stoppedEarly;
    }

    /** Records that reading ends here, before the end of the input, and why. */
    final void stopEarly(String why) {
        stoppedEarly = why;
    }
}
