package io.vocengine.engine.ingest;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where the bytes of a record too large to hold in memory go, so that nothing is lost. {@link ByteLineReader}
 * opens one target per over-long line, streams the line into it and closes it. Implementations must be safe to call
 * from the reader thread while other threads use their owner ({@link DeadLetterWriter#overflowSink()} is).
 */
@FunctionalInterface
public interface OverflowSink {
    /**
     * Opens a fresh target for the bytes of line {@code line} of input {@code source}.
     *
     * @throws IOException when the target cannot be created; the message names it
     */
    Target open(String source, long line) throws IOException;

    /**
     * @param out      receives the line's bytes; closed by the reader
     * @param location where the bytes end up, for messages ("/runs/1/dead.reviews.jsonl.line-3.raw"); null when
     *                 they are not kept
     */
    record Target(OutputStream out, String location) {
    }

    /** Drops the bytes; for callers that keep no dead letters. The rejection message says the bytes were not kept. */
    static OverflowSink discard() {
        return (source, line) -> new Target(OutputStream.nullOutputStream(), null);
    }
}
