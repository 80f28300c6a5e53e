package io.vocengine.cli;

import io.vocengine.engine.ingest.IngestOptions;
import picocli.CommandLine.Option;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How to read an input file: format, encoding, CSV column mapping. */
final class InputOptions {
    @Option(names = "--format", defaultValue = "AUTO", paramLabel = "FMT",
            description = "auto, jsonl or csv (default: auto, by extension, then by content).")
    String format;

    @Option(names = "--encoding", defaultValue = "auto", paramLabel = "CHARSET",
            description = "auto, utf-8, gbk, gb18030, big5 … (default: auto; implausible decodings are refused).")
    String encoding;

    @Option(names = "--map", split = ",", paramLabel = "FIELD=COLUMN",
            description = "CSV column for a field, e.g. --map text=review,id=row_id.")
    Map<String, String> columnMap = new LinkedHashMap<>();

    @Option(names = "--max-record-bytes", paramLabel = "BYTES",
            description = "Largest record read into memory; bigger ones are streamed to the dead-letter folder (default: 64 MiB).")
    Long maxRecordBytes;

    IngestOptions options() {
        IngestOptions.Format f;
        try {
            f = IngestOptions.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--format " + format + ": expected auto, jsonl or csv");
        }
        IngestOptions o = IngestOptions.defaults().withFormat(f).withEncoding(charset()).withColumnMap(columnMap);
        if (maxRecordBytes == null) return o;
        if (maxRecordBytes < 1024) throw new UserError("--max-record-bytes must be at least 1024, got " + maxRecordBytes);
        return o.withMaxRecordBytes(maxRecordBytes);
    }

    private Charset charset() {
        if (encoding.equalsIgnoreCase("auto")) return null;
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UserError("--encoding " + encoding + ": unknown charset (try utf-8, gbk, gb18030, big5)");
        }
    }
}
