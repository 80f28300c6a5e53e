package io.vocengine.engine.ingest;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;

/**
 * How to read one input. Immutable.
 *
 * @param format         JSONL, CSV, or AUTO (by file extension, else by the first non-blank byte)
 * @param encoding       the input's charset, or null to detect it (see {@link EncodingDetector})
 * @param columnMap      CSV only: Feedback field name -> CSV column name, winning over the built-in header aliases.
 *                       Keys may be any name {@link FeedbackField#fromName} knows; they are stored as canonical keys
 * @param maxRecordBytes largest record accepted; a longer one is rejected as RECORD_TOO_LARGE and never held whole
 *                       in memory
 */
public record IngestOptions(Format format, Charset encoding, Map<String, String> columnMap, long maxRecordBytes) {
    public static final long DEFAULT_MAX_RECORD_BYTES = 64L << 20;
    /** One record must fit in a Java array. */
    public static final long MAX_RECORD_BYTES_LIMIT = Integer.MAX_VALUE - 16;

    public enum Format { AUTO, JSONL, CSV }

    public IngestOptions {
        format = format == null ? Format.AUTO : format;
        columnMap = canonical(columnMap == null ? Map.of() : columnMap);
        if (maxRecordBytes < 1 || maxRecordBytes > MAX_RECORD_BYTES_LIMIT) {
            throw new IllegalArgumentException("max record bytes must be 1.." + MAX_RECORD_BYTES_LIMIT + ", got "
                    + maxRecordBytes);
        }
    }

    /** Format AUTO, encoding detected, no column map, 64 MiB records. */
    public static IngestOptions defaults() {
        return new IngestOptions(Format.AUTO, null, Map.of(), DEFAULT_MAX_RECORD_BYTES);
    }

    public IngestOptions withFormat(Format newFormat) {
        return new IngestOptions(newFormat, encoding, columnMap, maxRecordBytes);
    }

    public IngestOptions withEncoding(Charset newEncoding) {
        return new IngestOptions(format, newEncoding, columnMap, maxRecordBytes);
    }

    public IngestOptions withColumnMap(Map<String, String> newColumnMap) {
        return new IngestOptions(format, encoding, newColumnMap, maxRecordBytes);
    }

    public IngestOptions withMaxRecordBytes(long newMaxRecordBytes) {
        return new IngestOptions(format, encoding, columnMap, newMaxRecordBytes);
    }

    // Validated here, not when a CSV is opened, so a typo in --map fails before any input is read.
    private static Map<String, String> canonical(Map<String, String> map) {
        Map<String, String> out = new HashMap<>();
        map.forEach((name, column) -> {
            FeedbackField field = FeedbackField.fromName(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown field '" + name + "' in the column map; fields are " + FeedbackField.keys()));
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("column map entry " + name + "= names no column");
            }
            if (out.putIfAbsent(field.key(), column.trim()) != null) {
                throw new IllegalArgumentException("column map sets " + field.key() + " twice");
            }
        });
        return Map.copyOf(out);
    }
}
