package io.vocengine.engine.ingest;

import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.testdata.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.vocengine.engine.ingest.TestInputs.parsed;
import static io.vocengine.engine.ingest.TestInputs.readAll;
import static io.vocengine.engine.ingest.TestInputs.rejected;
import static io.vocengine.engine.ingest.TestInputs.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvSourceTest {
    @TempDir
    Path dir;

    @Test
    void headerWithoutTextColumnFailsTheFileNamingItsColumns() throws IOException {
        Path file = write(dir, "reviews.csv", "label,body\n1,很好\n", UTF_8);
        IngestException e = assertThrows(IngestException.class, () -> Sources.open(file, IngestOptions.defaults()));
        assertEquals("reviews.csv has no text column; its columns are [label, body]; pass --map text=<column>",
                e.getMessage());
    }

    @Test
    void columnMapNamesTheTextColumn() throws IOException {
        Path file = write(dir, "reviews.csv", "label,body\n1,很好\n", UTF_8);
        List<IngestRecord> records = readAll(file, IngestOptions.defaults().withColumnMap(Map.of("text", "Body")));
        Feedback f = parsed(records.get(0)).feedback();
        assertEquals("很好", f.text());
        assertEquals(Map.of("label", "1"), f.metadata());
    }

    @Test
    void columnMapWithAnUnknownColumnFails() throws IOException {
        Path file = write(dir, "reviews.csv", "label,body\n1,很好\n", UTF_8);
        IngestOptions options = IngestOptions.defaults().withColumnMap(Map.of("text", "review_text"));
        IngestException e = assertThrows(IngestException.class, () -> Sources.open(file, options));
        assertEquals("--map text=review_text: reviews.csv has no such column; its columns are [label, body]",
                e.getMessage());
    }

    @Test
    void rowWithFewerCellsIsRejectedWithItsRawRecord() throws IOException {
        Path file = write(dir, "shop.csv", "label,review,cat\n1,\"好,很好\",书籍\n0,差评\n1,还行,手机\n",
                UTF_8);
        List<IngestRecord> records = readAll(file, IngestOptions.defaults());

        assertEquals(3, records.size());
        Feedback first = parsed(records.get(0)).feedback();
        assertEquals("好,很好", first.text());
        assertEquals("书籍", first.product());
        assertEquals("1,\"好,很好\",书籍", records.get(0).raw());
        IngestRecord.Rejected r = rejected(records.get(1));
        assertEquals(2, r.line());
        assertEquals(ErrorCode.CSV_COLUMN_COUNT, r.error().code());
        assertEquals("csv", r.error().stage());
        assertEquals("shop.csv record 2 has 2 cells, the header has 3 (label, review, cat)", r.error().message());
        assertEquals("0,差评", r.raw());
        assertEquals("还行", parsed(records.get(2)).feedback().text());
    }

    @Test
    void quotedNewlinesAndUtf8ByteOrderMarkHeader() throws IOException {
        String csv = "\uFEFFindex,reviewbody,star\r\n7,\"第一行\n第二行，\"\"引号\"\"\",4\r\n8,普通,5\r\n";
        Path file = write(dir, "asap.csv", csv, UTF_8);
        IngestSource source = Sources.open(file, IngestOptions.defaults());
        assertEquals("detected: UTF-8 byte-order mark", source.encoding().how());
        List<IngestRecord> records = readAll(source);

        Feedback f = parsed(records.get(0)).feedback();
        assertEquals("7", f.id());
        assertEquals("第一行\n第二行，\"引号\"", f.text());
        assertEquals(4.0, f.rating());
        assertEquals(1, records.get(0).line());
        assertEquals("8", parsed(records.get(1)).feedback().id());
        assertEquals(2, records.get(1).line());
        assertEquals(Files.size(file), source.bytesRead());
    }

    @Test
    void unterminatedQuoteIsMalformedAndEndsTheFile() throws IOException {
        Path file = write(dir, "broken.csv", "id,text\n1,好\n2,\"坏\n3,还行\n", UTF_8);
        List<IngestRecord> records = readAll(file, IngestOptions.defaults());
        assertEquals(2, records.size());
        IngestRecord.Rejected r = rejected(records.get(1));
        assertEquals(ErrorCode.MALFORMED_CSV, r.error().code());
        assertEquals(2, r.line());
        assertEquals("broken.csv record 2 (after line 2) cannot be parsed: (startline 3) EOF reached before "
                + "encapsulated token finished; the rest of broken.csv was not read. An unbalanced quote is the usual "
                + "cause", r.error().message());
        try (IngestSource source = Sources.open(file, IngestOptions.defaults())) {
            source.next();
            assertEquals(null, source.stoppedEarly());
            while (source.next() != null) { } // drain
            assertEquals(r.error().message(), source.stoppedEarly()); // the run reports it, not only the dead letter
        }
    }

    @Test
    void runawayQuoteStopsAtTheRecordCapInsteadOfBufferingTheFile() throws IOException {
        String rows = "1,\"never closed\n" + "2,填充的评论内容\n".repeat(100_000);
        Path file = write(dir, "runaway.csv", "id,text\n" + rows, UTF_8);
        List<IngestRecord> records = readAll(file, IngestOptions.defaults().withMaxRecordBytes(100_000));
        IngestRecord.Rejected r = rejected(records.get(0));
        assertEquals(ErrorCode.RECORD_TOO_LARGE, r.error().code());
        assertTrue(r.error().message().startsWith("runaway.csv record 1 (after line 1) is longer than the limit of "
                + "100000 bytes (--max-record-bytes) and was not kept"), r.error().message());
        assertEquals(1, records.size());
    }

    @Test
    void gbkCsvIsDetectedAndDecodedExactly() throws IOException {
        Charset gbk = Charset.forName("GBK");
        Path file = write(dir, "gbk.csv", "编号,评论,评分,门店\n1," + TestInputs.SIMPLIFIED + ",4.5,徐家汇店\n",
                gbk);
        IngestSource source = Sources.open(file, IngestOptions.defaults());
        assertEquals("detected: GB18030 (not UTF-8)", source.encoding().how());
        Feedback f = parsed(readAll(source).get(0)).feedback();
        assertEquals(TestInputs.SIMPLIFIED, f.text());
        assertEquals(4.5, f.rating());
        assertEquals("徐家汇店", f.store());
    }

    @Test
    void undecodableBytesInARowAreAnEncodingError() throws IOException {
        byte[] good = "id,text\n1,好\n2,".getBytes(UTF_8);
        byte[] bad = {(byte) 0xE5, (byte) 0xA5};
        byte[] tail = "\n3,还行\n".getBytes(UTF_8);
        byte[] all = new byte[good.length + bad.length + tail.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        System.arraycopy(tail, 0, all, good.length + bad.length, tail.length);
        Path file = Files.write(dir.resolve("cut.csv"), all);

        List<IngestRecord> records = readAll(file, IngestOptions.defaults().withEncoding(UTF_8));
        IngestRecord.Rejected r = rejected(records.get(1));
        assertEquals(ErrorCode.ENCODING_ERROR, r.error().code());
        assertEquals("2,\uFFFD", r.raw());
        assertTrue(r.error().message().startsWith("cut.csv record 2, column text: bytes that are not valid UTF-8"),
                r.error().message());
        assertEquals("还行", parsed(records.get(2)).feedback().text());
    }

    @Test
    void invalidFieldNamesTheRecordAndKeepsTheRow() throws IOException {
        Path file = write(dir, "r.csv", "text,star\n好,五星\n", UTF_8);
        IngestRecord.Rejected r = rejected(readAll(file, IngestOptions.defaults()).get(0));
        assertEquals(ErrorCode.INVALID_FIELD, r.error().code());
        assertEquals("r.csv record 1: rating: \"五星\" is not a number; expected a number from 0 to 5",
                r.error().message());
        assertEquals("好,五星", r.raw());
    }

    @Test
    void headerOnlyAndEmptyFilesHaveNoRecords() throws IOException {
        try (IngestSource source = Sources.open(write(dir, "h.csv", "text\n", UTF_8), IngestOptions.defaults())) {
            assertNull(source.next());
            assertEquals(0, source.recordsRead());
        }
        try (IngestSource source = Sources.open(write(dir, "e.csv", "", UTF_8), IngestOptions.defaults())) {
            assertNull(source.next());
            assertEquals(IngestOptions.Format.CSV, source.format());
        }
    }

    @Test
    @Tag(SharedData.TAG)
    void asapSampleReadsCleanly() throws IOException {
        Path asap = SharedData.require("asap-sample/dev_sample.csv");
        List<IngestRecord> records = readAll(asap, IngestOptions.defaults());
        assertEquals(100, records.size());
        for (IngestRecord r : records) {
            Feedback f = parsed(r).feedback();
            assertTrue(f.rating() >= 1 && f.rating() <= 5);
            assertTrue(f.metadata().containsKey("dish_taste"));
        }
        assertEquals("28729", parsed(records.get(0)).feedback().id());
    }
}
