package io.vocengine.engine.ingest;

import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.ItemError;

/**
 * One record read from an input, parsed or not. The raw record always travels with it, so nothing is lost.
 */
public sealed interface IngestRecord permits IngestRecord.Parsed, IngestRecord.Rejected {
    /** Input name (file name or "stdin"). */
    String source();

    /** 1-based line (JSON Lines) or record number (CSV). */
    long line();

    /** The record as it was read: the JSON line, or the CSV record re-serialised; null when not decodable. */
    String raw();

    record Parsed(String source, long line, String raw, Feedback feedback) implements IngestRecord {
    }

    /**
     * @param rawBytes the undecodable bytes when {@code raw} is null (ENCODING_ERROR), else null
     */
    record Rejected(String source, long line, String raw, byte[] rawBytes, ItemError error) implements IngestRecord {
    }
}
