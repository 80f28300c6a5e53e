package io.vocengine.engine.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;

/**
 * A stream of records from one input. Single-threaded: one reader thread calls {@link #next()}.
 */
public interface RecordSource extends Closeable {
    /** The next record, or null at the end of the input. Malformed records come back as {@link IngestRecord.Rejected}. */
    IngestRecord next() throws IOException;

    /** Bytes consumed so far, for progress reporting. */
    long bytesRead();

    /** Total bytes of the input, or -1 when unknown (stdin). */
    long totalBytes();

    /** The encoding the input is decoded with (detected or given). */
    Charset charset();
}
