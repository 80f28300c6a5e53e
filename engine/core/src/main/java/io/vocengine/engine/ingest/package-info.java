/**
 * Reading customer feedback from files and stdin.
 * <p>
 * {@link io.vocengine.engine.ingest.Sources#open Sources.open} decides the encoding
 * ({@link io.vocengine.engine.ingest.EncodingDetector}) and the format, and returns an
 * {@link io.vocengine.engine.ingest.IngestSource}: {@link io.vocengine.engine.ingest.JsonLinesSource} or
 * {@link io.vocengine.engine.ingest.CsvSource}. Both turn records into
 * {@link io.vocengine.engine.model.Feedback} through {@link io.vocengine.engine.ingest.FeedbackJson}, the one place
 * the input fields are defined. A record that cannot be read comes back as
 * {@link io.vocengine.engine.ingest.IngestRecord.Rejected} with a coded error and its raw form, for the
 * {@link io.vocengine.engine.ingest.DeadLetterWriter}; only problems with a whole input (no text column, an
 * undecidable encoding, a missing file) throw.
 */
package io.vocengine.engine.ingest;
