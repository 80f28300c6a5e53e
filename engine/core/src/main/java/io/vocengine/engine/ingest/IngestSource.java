package io.vocengine.engine.ingest;

import java.nio.charset.Charset;

/**
 * A {@link RecordSource} opened by {@link Sources}, which also tells how it is being read. Single-threaded like every
 * record source.
 */
public sealed interface IngestSource extends RecordSource permits InputSource {
    /** The input's name as used in records and messages (file name or "stdin"). */
    String name();

    /** JSONL or CSV, never AUTO. */
    IngestOptions.Format format();

    /** The charset and how it was decided, for the user. */
    InputEncoding encoding();

    /** Records returned by {@link #next()} so far, parsed or rejected. 0 after the end means the input was empty. */
    long recordsRead();

    /**
     * Why reading ended before the end of the input (a CSV record that cannot be parsed leaves no telling where the
     * next one starts), or null when it read to the end: the records after it are neither read nor counted.
     */
    String stoppedEarly();

    @Override
    default Charset charset() {
        return encoding().charset();
    }
}
