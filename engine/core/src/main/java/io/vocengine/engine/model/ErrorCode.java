package io.vocengine.engine.model;

/** Why an item could not be processed. Stable codes: they appear in dead-letter files and run summaries. */
public enum ErrorCode {
    /** The line is not valid JSON, or not a JSON object. */
    MALFORMED_JSON,
    /** The CSV record could not be parsed. */
    MALFORMED_CSV,
    /** A CSV row has fewer or more cells than the header. */
    CSV_COLUMN_COUNT,
    /** A field has a value of the wrong type or range (rating "abc", nps 12). */
    INVALID_FIELD,
    /** The bytes are not valid in the file's encoding; the raw bytes are kept in base64. */
    ENCODING_ERROR,
    /** One record is larger than the configured maximum; its bytes are kept in the dead-letter folder. */
    RECORD_TOO_LARGE,
    /** A pipeline stage threw on this item. */
    STAGE_FAILED,
    /** The item was analysed but could not be written to the index. */
    INDEX_FAILED
}
