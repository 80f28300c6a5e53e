package io.vocengine.engine.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.ItemError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * JSON Lines: one JSON object per line (see {@link FeedbackJson} for its members). Blank lines are skipped; line
 * numbers are 1-based and count them.
 * <ul>
 * <li>A line with bytes invalid in the charset: ENCODING_ERROR, {@code raw} null, {@code rawBytes} the line.</li>
 * <li>A line that is not JSON: MALFORMED_JSON with Jackson's message and column, {@code raw} the line.</li>
 * <li>A line longer than {@link IngestOptions#maxRecordBytes()}: RECORD_TOO_LARGE; it is never held in memory, its
 * bytes go to the {@link OverflowSink} and the message says where.</li>
 * </ul>
 * Inputs in UTF-16 are re-encoded to UTF-8 before lines are split ({@link Utf8Transcoder}). Not thread-safe.
 */
public final class JsonLinesSource extends InputSource {
    private static final String STAGE = "json";

    private final long maxRecordBytes;
    private final ByteLineReader lines;
    private final CharsetDecoder decoder;
    private int badByte; // where the last failed decode() stopped

    /**
     * @param in positioned after any byte-order mark, counting from the start of the input; closed by {@link #close()}
     */
    JsonLinesSource(String name, CountingInputStream in, long totalBytes, InputEncoding encoding,
                    IngestOptions options, OverflowSink overflow) {
        super(name, IngestOptions.Format.JSONL, encoding, in, totalBytes);
        this.maxRecordBytes = options.maxRecordBytes();
        boolean transcode = Utf8Transcoder.needed(encoding.charset());
        InputStream bytes = transcode ? new Utf8Transcoder(in, encoding.charset(), name) : in;
        Charset lineCharset = transcode ? StandardCharsets.UTF_8 : encoding.charset();
        this.lines = new ByteLineReader(bytes, name, maxRecordBytes, overflow);
        this.decoder = lineCharset.newDecoder();
    }

    @Override
    public IngestRecord next() throws IOException {
        ByteLineReader.Line line;
        String text;
        do {
            line = lines.next();
            if (line == null) return null;
            if (line.tooLarge()) return counted(tooLarge(line));
            text = decode(line);
            if (text == null) return counted(undecodable(line));
        } while (jsonWhitespace(text));
        return counted(parse(line.number(), text));
    }

    /** A line of JSON's own whitespace only is skipped; anything else (U+3000, control characters) is a record. */
    private static boolean jsonWhitespace(String line) {
        return line.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n');
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private IngestRecord counted(IngestRecord record) {
        countRecord();
        return record;
    }

    private IngestRecord parse(long number, String text) {
        JsonNode node;
        try {
            node = FeedbackJson.read(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String column = at == null || at.getColumnNr() < 0 ? "" : " (column " + at.getColumnNr() + ")";
            return rejected(number, text, null, ErrorCode.MALFORMED_JSON, "not valid JSON: "
                    + e.getOriginalMessage() + column);
        }
        try {
            return new IngestRecord.Parsed(name(), number, text, FeedbackJson.toFeedback(node, name(), number));
        } catch (InvalidRecordException e) {
            return rejected(number, text, null, e.code(), e.getMessage());
        }
    }

    /** Strict decoding; null, with {@link #badByte} set, when the line has a byte sequence invalid in the charset. */
    private String decode(ByteLineReader.Line line) {
        byte[] bytes = line.bytes();
        decoder.reset();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()));
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (!r.isError()) return out.flip().toString();
        badByte = in.position();
        return null;
    }

    private IngestRecord undecodable(ByteLineReader.Line line) {
        byte[] bytes = line.bytes();
        int at = badByte;
        String shown = HexFormat.ofDelimiter(" ").withUpperCase()
                .formatHex(bytes, at, Math.min(bytes.length, at + 4));
        long fileOffset = encoding().bomBytes() + line.offset() + at;
        return rejected(line.number(), null, bytes, ErrorCode.ENCODING_ERROR, "bytes that are not valid "
                + decoder.charset().name() + " at byte " + at + " of the line (offset " + fileOffset + " in the file): "
                + shown + "; the input is read as " + encoding().charset().name() + " (" + encoding().how()
                + "); if that is wrong for the whole file, pass --encoding");
    }

    private IngestRecord tooLarge(ByteLineReader.Line line) {
        String kept = line.keptAt() == null ? "its bytes were not kept (no dead-letter file)"
                : "its bytes were kept in " + line.keptAt();
        return rejected(line.number(), null, null, ErrorCode.RECORD_TOO_LARGE, line.length()
                + " bytes, over the limit of " + maxRecordBytes + " bytes (--max-record-bytes); " + kept);
    }

    private IngestRecord rejected(long number, String raw, byte[] rawBytes, ErrorCode code, String problem) {
        return new IngestRecord.Rejected(name(), number, raw, rawBytes,
                new ItemError(code, STAGE, name() + " line " + number + ": " + problem));
    }
}
