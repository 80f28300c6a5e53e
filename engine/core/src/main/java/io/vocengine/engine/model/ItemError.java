package io.vocengine.engine.model;

/**
 * Why one item failed.
 *
 * @param stage the pipeline stage or ingest step that failed (json, csv, clean, segment, ...)
 */
public record ItemError(ErrorCode code, String stage, String message) {
}
