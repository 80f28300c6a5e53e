package io.vocengine.engine.ingest;

import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.ItemError;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.util.Iterator;

/**
 * CSV per RFC 4180 (quoted fields may hold commas, quotes and newlines); the first row is the header, mapped to
 * fields by {@link CsvHeader}, and every later row becomes one record through {@link FeedbackJson}. Empty lines are
 * skipped. The {@link IngestRecord#line()} of a CSV record is its record number: 1 is the first row after the header.
 * {@code raw} is the row re-serialised in the same CSV format.
 * <ul>
 * <li>A row with more or fewer cells than the header: CSV_COLUMN_COUNT.</li>
 * <li>Bytes invalid in the charset: the decoder replaces them with U+FFFD (a CSV record has no reliable byte
 * boundaries to cut out), and a row containing U+FFFD is rejected as ENCODING_ERROR with the decoded row as
 * {@code raw}. A U+FFFD that was already in the file is rejected the same way; mojibake never gets through.</li>
 * <li>A parse failure (an unterminated quote): MALFORMED_CSV, and the input ends there, since there is no telling
 * where the next record starts.</li>
 * <li>A record longer than {@link IngestOptions#maxRecordBytes()}, usually an unbalanced quote swallowing the rest:
 * RECORD_TOO_LARGE, and the input ends there. Its bytes are not kept.</li>
 * </ul>
 * Not thread-safe.
 */
public final class CsvSource extends InputSource {
    /** The dialect read, and written back for {@code raw}. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final String STAGE = "csv";
    // What the decoder and commons-csv may have read beyond the record being parsed.
    private static final long READ_AHEAD = 64 * 1024;

    private final long maxRecordBytes;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final CsvHeader header;
    private long lastNumber;
    private long lastLine;
    private boolean done;

    /**
     * Reads the header row.
     *
     * @param in positioned after any byte-order mark, counting from the start of the input; closed by {@link #close()}
     * @throws IngestException when the header cannot be read or has no text column
     */
    CsvSource(String name, CountingInputStream in, long totalBytes, InputEncoding encoding, IngestOptions options)
            throws IOException {
        super(name, IngestOptions.Format.CSV, encoding, in, totalBytes);
        this.maxRecordBytes = options.maxRecordBytes();
        in.limitFromHere(maxRecordBytes + READ_AHEAD);
        this.parser = FORMAT.parse(new InputStreamReader(in, encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
        this.rows = parser.iterator();
        CSVRecord first;
        try {
            first = rows.hasNext() ? rows.next() : null;
        } catch (UncheckedIOException e) {
            throw unreadableHeader(e.getCause());
        }
        this.header = first == null ? null : CsvHeader.of(name, first.values(), options.columnMap());
        this.lastLine = parser.getCurrentLineNumber();
    }

    @Override
    public IngestRecord next() throws IOException {
        if (done || header == null) return null;
        counted.limitFromHere(maxRecordBytes + READ_AHEAD);
        CSVRecord row;
        try {
            if (!rows.hasNext()) {
                done = true;
                return null;
            }
            row = rows.next();
        } catch (UncheckedIOException e) {
            done = true;
            IngestRecord rejected = unparsable(e.getCause());
            stopEarly(((IngestRecord.Rejected) rejected).error().message());
            countRecord();
            return rejected;
        }
        lastNumber = row.getRecordNumber() - 1;
        lastLine = parser.getCurrentLineNumber();
        countRecord();
        return convert(row.values(), lastNumber);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private IngestRecord convert(String[] cells, long number) {
        String raw = FORMAT.format((Object[]) cells);
        String where = name() + " record " + number;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].indexOf('\uFFFD') >= 0) {
                return rejected(number, raw, ErrorCode.ENCODING_ERROR, where + ", column " + header.name(i)
                        + ": bytes that are not valid " + encoding().charset().name() + " (decoded as U+FFFD); the input "
                        + "is read as " + encoding().charset().name() + " (" + encoding().how() + "); if that is wrong for "
                        + "the whole file, pass --encoding");
            }
        }
        if (cells.length != header.size()) {
            return rejected(number, raw, ErrorCode.CSV_COLUMN_COUNT, where + " has " + cells.length
                    + " cells, the header has " + header.size() + " (" + header.describe() + ")");
        }
        try {
            return new IngestRecord.Parsed(name(), number, raw, FeedbackJson.toFeedback(header.toJson(cells), name(),
                    number));
        } catch (InvalidRecordException e) {
            return rejected(number, raw, e.code(), where + ": " + e.getMessage());
        }
    }

    /** The parser failed on the record after the last one returned; the rest of the input cannot be read. */
    private IngestRecord unparsable(IOException cause) throws IOException {
        long number = lastNumber + 1;
        String where = name() + " record " + number + " (after line " + lastLine + ")";
        String rest = "; the rest of " + name() + " was not read. An unbalanced quote is the usual cause";
        if (cause instanceof CountingInputStream.LimitExceededException) {
            return rejected(number, null, ErrorCode.RECORD_TOO_LARGE, where + " is longer than the limit of "
                    + maxRecordBytes + " bytes (--max-record-bytes) and was not kept" + rest);
        }
        if (cause instanceof CSVException) {
            return rejected(number, null, ErrorCode.MALFORMED_CSV, where + " cannot be parsed: " + cause.getMessage()
                    + rest);
        }
        throw cause;
    }

    private IOException unreadableHeader(IOException cause) {
        if (cause instanceof CountingInputStream.LimitExceededException) {
            return new IngestException("the header row of " + name() + " is longer than the limit of " + maxRecordBytes
                    + " bytes (--max-record-bytes); is there an unbalanced quote?", cause);
        }
        if (cause instanceof CSVException) {
            return new IngestException("cannot read the header row of " + name() + ": " + cause.getMessage(), cause);
        }
        return cause;
    }

    private IngestRecord rejected(long number, String raw, ErrorCode code, String message) {
        return new IngestRecord.Rejected(name(), number, raw, null, new ItemError(code, STAGE, message));
    }
}
