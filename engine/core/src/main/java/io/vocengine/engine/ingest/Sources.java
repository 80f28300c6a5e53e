package io.vocengine.engine.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Opens inputs as {@link IngestSource}s: reads the first {@link EncodingDetector#SAMPLE_BYTES} to decide the encoding
 * and, for format AUTO, the format: by extension ({@code .jsonl .ndjson .json} JSON Lines, {@code .csv} CSV), else
 * JSON Lines when the first non-blank byte is '{' (or '[') and CSV otherwise. An empty input gives a source with no
 * records, not an error ({@link IngestSource#recordsRead()} stays 0). Stateless and thread-safe; each source is not.
 */
public final class Sources {
    private Sources() {
    }

    /** Opens a file; the bytes of over-long JSON Lines records are not kept. */
    public static IngestSource open(Path file, IngestOptions options) throws IOException {
        return open(file, options, OverflowSink.discard());
    }

    /**
     * Opens a file.
     *
     * @param overflow receives the bytes of JSON Lines records over the size cap, e.g.
     *                 {@link DeadLetterWriter#overflowSink()}
     * @throws NoSuchFileException when the file does not exist (the message has the path)
     * @throws IngestException     when the file is a directory, its encoding cannot be decided or its CSV header is
     *                             unusable
     */
    public static IngestSource open(Path file, IngestOptions options, OverflowSink overflow) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IngestException(file.toAbsolutePath() + " is a directory, not an input file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toAbsolutePath().toString(), null, "no such input file");
        }
        Path fileName = file.getFileName();
        return open(Files.newInputStream(file), fileName == null ? file.toString() : fileName.toString(),
                Files.size(file), options, overflow);
    }

    /**
     * Opens a stream, e.g. stdin. The source owns the stream and closes it. Blocks until the first
     * {@link EncodingDetector#SAMPLE_BYTES} have arrived or the stream ends.
     *
     * @param name the input's name in records and messages ("stdin"); its extension is used for format AUTO
     */
    public static IngestSource open(InputStream in, String name, IngestOptions options, OverflowSink overflow)
            throws IOException {
        return open(in, name, -1, options, overflow);
    }

    private static IngestSource open(InputStream in, String name, long totalBytes, IngestOptions options,
                                     OverflowSink overflow) throws IOException {
        Objects.requireNonNull(overflow, "overflow (use OverflowSink.discard() to keep nothing)");
        try {
            byte[] sample = in.readNBytes(EncodingDetector.SAMPLE_BYTES);
            boolean complete = sample.length < EncodingDetector.SAMPLE_BYTES;
            InputEncoding encoding = EncodingDetector.detect(sample, sample.length, complete, name, options.encoding());
            int bom = encoding.bomBytes();
            CountingInputStream rest = new CountingInputStream(new SequenceInputStream(
                    new ByteArrayInputStream(sample, bom, sample.length - bom), in), bom);
            return switch (format(options.format(), name, sample, bom)) {
                case CSV -> new CsvSource(name, rest, totalBytes, encoding, options);
                case JSONL, AUTO -> new JsonLinesSource(name, rest, totalBytes, encoding, options, overflow);
            };
        } catch (IOException | RuntimeException e) {
            try {
                in.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    static IngestOptions.Format format(IngestOptions.Format asked, String name, byte[] sample, int from) {
        if (asked != IngestOptions.Format.AUTO) return asked;
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return IngestOptions.Format.JSONL;
        }
        if (lower.endsWith(".csv")) return IngestOptions.Format.CSV;
        for (int i = from; i < sample.length; i++) {
            byte b = sample[i];
            // 0 is skipped too, so that UTF-16 text is judged by its ASCII byte.
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0) {
                // '[': a JSON array file, which JSON Lines reading rejects with a clear message; CSV would not.
                return b == '{' || b == '[' ? IngestOptions.Format.JSONL : IngestOptions.Format.CSV;
            }
        }
        return IngestOptions.Format.JSONL; // blank: no records either way
    }
}
