package io.vocengine.engine.ingest;

import io.vocengine.engine.model.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.vocengine.engine.ingest.TestInputs.parsed;
import static io.vocengine.engine.ingest.TestInputs.readAll;
import static io.vocengine.engine.ingest.TestInputs.rejected;
import static io.vocengine.engine.ingest.TestInputs.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLinesSourceTest {
    @TempDir
    Path dir;

    @Test
    void emptyFileHasNoRecordsAndNoError() throws IOException {
        Path file = write(dir, "empty.jsonl", "", UTF_8);
        try (IngestSource source = Sources.open(file, IngestOptions.defaults())) {
            assertNull(source.next());
            assertEquals(0, source.recordsRead());
            assertEquals(0, source.totalBytes());
        }
    }

    @Test
    void blankLinesAreSkippedButCounted() throws IOException {
        Path file = write(dir, "blank.jsonl", "\n  \r\n{\"text\":\"好\"}\n\n", UTF_8);
        List<IngestRecord> records = readAll(file, IngestOptions.defaults());
        assertEquals(1, records.size());
        assertEquals(3, records.get(0).line());
        assertEquals("好", parsed(records.get(0)).feedback().text());
    }

    /** Only JSON's own whitespace makes a blank line; a line of U+3000 or control characters is a (bad) record. */
    @Test
    void linesOfOtherWhitespaceAreRecordsNotSkipped() throws IOException {
        Path file = write(dir, "odd.jsonl", "\u3000\n\u001c\u001d\n{\"text\":\"好\"}\n", UTF_8);
        List<IngestRecord> records = readAll(file, IngestOptions.defaults());
        assertEquals(3, records.size());
        assertEquals(ErrorCode.MALFORMED_JSON, rejected(records.get(0)).error().code());
        assertEquals("\u3000", rejected(records.get(0)).raw());
        assertEquals(ErrorCode.MALFORMED_JSON, rejected(records.get(1)).error().code());
    }

    /** An exponent Jackson cannot hold is a bad line, not the end of the file. */
    @Test
    void anOutOfRangeNumberIsAMalformedLine() throws IOException {
        Path file = write(dir, "num.jsonl", "{\"text\":\"a\",\"x\":1e-2147483648}\n{\"text\":\"b\",\"x\":1e2147483648}\n", UTF_8);
        List<IngestRecord> records = readAll(file, IngestOptions.defaults());
        assertEquals(ErrorCode.MALFORMED_JSON, rejected(records.get(0)).error().code());
        assertEquals("1E+2147483648", parsed(records.get(1)).feedback().metadata().get("x"));
    }

    @Test
    void malformedLineInTheMiddleIsRejectedWithItsTextAndTheOthersParse() throws IOException {
        String bad = "{\"id\":\"b\",\"text\":\"坏了\" \"rating\":3}";
        Path file = write(dir, "reviews.jsonl",
                "{\"id\":\"a\",\"text\":\"很好\"}\n" + bad + "\r\n{\"id\":\"c\",\"text\":\"一般\"}\n", UTF_8);
        List<IngestRecord> records = readAll(file, IngestOptions.defaults());

        assertEquals(3, records.size());
        assertEquals("很好", parsed(records.get(0)).feedback().text());
        assertEquals("一般", parsed(records.get(2)).feedback().text());
        assertEquals(3, records.get(2).line());
        IngestRecord.Rejected r = rejected(records.get(1));
        assertEquals(2, r.line());
        assertEquals(bad, r.raw());
        assertEquals(ErrorCode.MALFORMED_JSON, r.error().code());
        assertEquals("json", r.error().stage());
        String message = r.error().message();
        assertTrue(message.startsWith("reviews.jsonl line 2: not valid JSON: Unexpected character ('\"'"), message);
        assertTrue(message.endsWith("(column 23)"), message);
    }

    @Test
    void nonObjectLinesAreMalformed() throws IOException {
        Path file = write(dir, "x.jsonl", "[1,2]\n42\n{\"text\":\"a\"} {\"text\":\"b\"}\n", UTF_8);
        List<IngestRecord> records = readAll(file, IngestOptions.defaults());
        assertEquals("x.jsonl line 1: the record is an array, not a JSON object; JSON Lines needs one object per line"
                + " (a JSON array file must be converted first)", rejected(records.get(0)).error().message());
        assertEquals(ErrorCode.MALFORMED_JSON, rejected(records.get(1)).error().code());
        assertEquals("42", records.get(1).raw());
        assertTrue(rejected(records.get(2)).error().message().contains("Trailing token"),
                rejected(records.get(2)).error().message());
    }

    @Test
    void invalidUtf8InOneLineIsAnEncodingErrorWithTheExactBytes() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("{\"text\":\"第一行\"}\n".getBytes(UTF_8));
        byte[] bad = concat("{\"text\":\"坏".getBytes(UTF_8), new byte[]{(byte) 0xE4, (byte) 0xB8, '"', '}'});
        file.writeBytes(bad);
        file.writeBytes("\n{\"text\":\"第三行\"}\n".getBytes(UTF_8));
        Path path = Files.write(dir.resolve("mixed.jsonl"), file.toByteArray());

        List<IngestRecord> records = readAll(path, IngestOptions.defaults().withEncoding(UTF_8));

        assertEquals("第一行", parsed(records.get(0)).feedback().text());
        assertEquals("第三行", parsed(records.get(2)).feedback().text());
        IngestRecord.Rejected r = rejected(records.get(1));
        assertEquals(ErrorCode.ENCODING_ERROR, r.error().code());
        assertNull(r.raw());
        assertArrayEquals(bad, r.rawBytes());
        assertEquals("mixed.jsonl line 2: bytes that are not valid UTF-8 at byte 12 of the line (offset 33 in the "
                + "file): E4 B8 22 7D; the input is read as UTF-8 (given: --encoding UTF-8); if that is wrong for the "
                + "whole file, pass --encoding", r.error().message());
    }

    @Test
    void recordWithoutTextIsParsedWithEmptyText() throws IOException {
        Path file = write(dir, "t.jsonl",
                "{\"id\":\"1\"}\n{\"id\":\"2\",\"text\":null}\n{\"id\":\"3\",\"text\":\"\"}\n", UTF_8);
        for (IngestRecord r : readAll(file, IngestOptions.defaults())) {
            assertEquals("", parsed(r).feedback().text());
        }
    }

    @Test
    void tenMegabyteRecordParsesUnderTheDefaultCap() throws IOException {
        String text = "好".repeat(3_500_000);
        Path file = write(dir, "big.jsonl", "{\"id\":\"big\",\"text\":\"" + text + "\"}\n{\"text\":\"next\"}\n",
                UTF_8);
        List<IngestRecord> records = readAll(file, IngestOptions.defaults());
        assertEquals(text, parsed(records.get(0)).feedback().text());
        assertEquals("next", parsed(records.get(1)).feedback().text());
    }

    @Test
    void recordOverTheCapIsStreamedToTheDeadLetterSideFileAndReadingGoesOn() throws IOException {
        String big = "{\"id\":\"big\",\"text\":\"" + "好".repeat(3_500_000) + "\"}";
        Path file = write(dir, "big.jsonl", "{\"text\":\"first\"}\n" + big + "\r\n{\"text\":\"next\"}", UTF_8);
        Path deadLetters = dir.resolve("out/dead.jsonl");
        List<IngestRecord> records;
        try (DeadLetterWriter writer = new DeadLetterWriter(deadLetters)) {
            records = readAll(Sources.open(file, IngestOptions.defaults().withMaxRecordBytes(1 << 20),
                    writer.overflowSink()));
            writer.write(rejected(records.get(1)));
        }

        assertEquals("first", parsed(records.get(0)).feedback().text());
        assertEquals("next", parsed(records.get(2)).feedback().text());
        IngestRecord.Rejected r = rejected(records.get(1));
        Path side = dir.resolve("out/dead.big.jsonl.line-2.raw");
        assertEquals(ErrorCode.RECORD_TOO_LARGE, r.error().code());
        assertNull(r.raw());
        assertNull(r.rawBytes());
        assertEquals("big.jsonl line 2: " + big.getBytes(UTF_8).length + " bytes, over the limit of 1048576 bytes "
                + "(--max-record-bytes); its bytes were kept in " + side.toAbsolutePath(), r.error().message());
        assertArrayEquals(big.getBytes(UTF_8), Files.readAllBytes(side));
        String deadLetter = Files.readString(deadLetters);
        assertTrue(deadLetter.contains("\"rawFile\":\"dead.big.jsonl.line-2.raw\""), deadLetter);
    }

    @Test
    void utf16WithByteOrderMarkIsReadLineByLine() throws IOException {
        // 上 is 0A 4E in UTF-16LE: a byte-level split on '\n' would cut it.
        byte[] body = "{\"text\":\"上海\"}\r\n{\"text\":\"晚上\"}\r\n".getBytes(StandardCharsets.UTF_16LE);
        Path file = Files.write(dir.resolve("ps.jsonl"), concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, body));
        IngestSource source = Sources.open(file, IngestOptions.defaults());
        assertEquals("detected: UTF-16LE byte-order mark", source.encoding().how());
        List<IngestRecord> records = readAll(source);
        assertEquals("上海", parsed(records.get(0)).feedback().text());
        assertEquals("晚上", parsed(records.get(1)).feedback().text());
        assertEquals(body.length + 2, source.bytesRead());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
