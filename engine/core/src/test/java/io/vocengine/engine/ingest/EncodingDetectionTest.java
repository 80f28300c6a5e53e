package io.vocengine.engine.ingest;

import io.vocengine.engine.model.Feedback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import static io.vocengine.engine.ingest.TestInputs.SIMPLIFIED;
import static io.vocengine.engine.ingest.TestInputs.TRADITIONAL;
import static io.vocengine.engine.ingest.TestInputs.parsed;
import static io.vocengine.engine.ingest.TestInputs.readAll;
import static io.vocengine.engine.ingest.TestInputs.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncodingDetectionTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5");

    @TempDir
    Path dir;

    @Test
    void gbkJsonLinesIsDetectedAndDecodedExactly() throws IOException {
        Path file = write(dir, "gbk.jsonl", "{\"text\":\"" + SIMPLIFIED + "\",\"store\":\"徐家汇店\"}\n", GBK);
        IngestSource source = Sources.open(file, IngestOptions.defaults());
        assertEquals(GB18030, source.charset());
        assertEquals("detected: GB18030 (not UTF-8)", source.encoding().how());
        Feedback f = parsed(readAll(source).get(0)).feedback();
        assertEquals(SIMPLIFIED, f.text());
        assertEquals("徐家汇店", f.store());
    }

    @Test
    void gb18030CharacterOutsideGbkIsDecoded() throws IOException {
        String text = "𠮷野家的牛肉饭" + SIMPLIFIED;
        Path file = write(dir, "gb18030.jsonl", "{\"text\":\"" + text + "\"}\n", GB18030);
        assertEquals(text, parsed(readAll(file, IngestOptions.defaults()).get(0)).feedback().text());
    }

    @Test
    void gbkGivenForAGb18030FileSaysItLooksLikeGb18030() throws IOException {
        Path file = write(dir, "gb18030.jsonl", "{\"text\":\"𠮷野家的牛肉饭" + SIMPLIFIED + "\"}\n", GB18030);
        InputEncodingException e = assertThrows(InputEncodingException.class,
                () -> Sources.open(file, IngestOptions.defaults().withEncoding(GBK)));
        assertTrue(e.getMessage().startsWith("gb18030.jsonl looks like GB18030 (a superset of GBK), not GBK: it "
                + "decodes cleanly as GB18030, but read as GBK it has bytes that are not valid GBK (offset 9, line 1: "
                + "bytes 95 34 B2 35)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Pass --encoding gb18030"), e.getMessage());
    }

    @Test
    void big5FileIsRefusedRatherThanReadAsMojibake() throws IOException {
        Path file = write(dir, "tw.csv", "評論\n" + TRADITIONAL + "\n", BIG5);
        InputEncodingException e = assertThrows(InputEncodingException.class,
                () -> Sources.open(file, IngestOptions.defaults()));
        String m = e.getMessage();
        assertTrue(m.startsWith("cannot tell the encoding of tw.csv: it is not valid UTF-8 (offset 0, line 1: bytes "
                + "B5 FB BD D7), and read as GB18030 only "), m);
        assertTrue(m.contains("% of its Chinese characters are common ones (sample: 蝶阶"), m);
        assertTrue(m.endsWith("It reads cleanly as Big5 (traditional Chinese), so --encoding big5 is likely right. "
                + "Pass --encoding (utf-8, gbk, gb18030, big5)"), m);
    }

    @Test
    void big5GivenExplicitlyIsRead() throws IOException {
        Path file = write(dir, "tw.csv", "text\n" + TRADITIONAL + "\n", BIG5);
        IngestSource source = Sources.open(file, IngestOptions.defaults().withEncoding(BIG5));
        assertEquals("given: --encoding Big5", source.encoding().how());
        assertEquals(TRADITIONAL, parsed(readAll(source).get(0)).feedback().text());
    }

    @Test
    void gbkGivenForAUtf8FileIsRefused() throws IOException {
        Path file = write(dir, "utf8.jsonl", "{\"text\":\"" + SIMPLIFIED + "\"}\n", UTF_8);
        InputEncodingException e = assertThrows(InputEncodingException.class,
                () -> Sources.open(file, IngestOptions.defaults().withEncoding(GBK)));
        assertTrue(e.getMessage().startsWith("utf8.jsonl looks like UTF-8, not GBK: it is valid UTF-8, but read as "
                + "GBK "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Drop --encoding or pass --encoding utf-8"), e.getMessage());
    }

    @Test
    void utf8GivenForAGbkFileIsRefused() throws IOException {
        Path file = write(dir, "gbk.jsonl", "{\"text\":\"" + SIMPLIFIED + "\"}\n", GBK);
        InputEncodingException e = assertThrows(InputEncodingException.class,
                () -> Sources.open(file, IngestOptions.defaults().withEncoding(UTF_8)));
        assertTrue(e.getMessage().startsWith("gbk.jsonl looks like GB18030 (a superset of GBK), not UTF-8"),
                e.getMessage());
    }

    @Test
    void traditionalChineseInGbkIsPlausible() throws IOException {
        Path file = write(dir, "trad.jsonl", "{\"text\":\"" + TRADITIONAL + "\"}\n", GBK);
        assertEquals(TRADITIONAL, parsed(readAll(file, IngestOptions.defaults()).get(0)).feedback().text());
    }

    @Test
    void byteOrderMarkConflictingWithTheGivenEncodingIsRefused() throws IOException {
        Path file = write(dir, "bom.csv", "\uFEFFtext\n好\n", UTF_8);
        InputEncodingException e = assertThrows(InputEncodingException.class,
                () -> Sources.open(file, IngestOptions.defaults().withEncoding(GBK)));
        assertEquals("bom.csv starts with a UTF-8 byte-order mark, but --encoding GBK was given; drop --encoding or "
                + "pass --encoding UTF-8", e.getMessage());
    }

    @Test
    void multiByteSequenceCutByTheEndOfTheSampleIsTolerated() throws IOException {
        // Put a 3-byte character across the sample boundary.
        String head = "text\n";
        String s = head + "a".repeat(EncodingDetector.SAMPLE_BYTES - 1 - head.length()) + "好\n";
        Path file = write(dir, "cut.csv", s, UTF_8);
        IngestSource source = Sources.open(file, IngestOptions.defaults());
        assertEquals("detected: valid UTF-8", source.encoding().how());
        List<IngestRecord> records = readAll(source);
        assertTrue(parsed(records.get(0)).feedback().text().endsWith("a好"));
    }

    @Test
    void tooFewIdeographsToJudgeAreAccepted() throws IOException {
        InputEncoding e = EncodingDetector.detect(new byte[]{(byte) 0xBA, (byte) 0xC3}, 2, true, "x", null);
        assertEquals(GB18030, e.charset());
    }

    @Test
    void commonHanziAreGb2312AndBig5LevelOne() {
        assertTrue(CommonHanzi.contains('的'));
        assertTrue(CommonHanzi.contains('這'));
        assertTrue(!CommonHanzi.contains('硂') && !CommonHanzi.contains("𠮷".codePointAt(0)));
        Charset gb2312 = Charset.forName("GB2312");
        long gbHanzi = java.util.stream.IntStream.range(0x4E00, 0xA000)
                .filter(c -> gb2312.newEncoder().canEncode((char) c)).count();
        assertEquals(6763, gbHanzi);
        assertEquals(gbHanzi, java.util.stream.IntStream.range(0x4E00, 0xA000)
                .filter(c -> gb2312.newEncoder().canEncode((char) c) && CommonHanzi.contains(c)).count());
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("nope.jsonl");
        IOException e = assertThrows(IOException.class, () -> Sources.open(missing, IngestOptions.defaults()));
        assertEquals(missing.toAbsolutePath() + ": no such input file", e.getMessage());
    }

    @Test
    void unknownExtensionIsSniffed() throws IOException {
        IngestOptions auto = IngestOptions.defaults();
        try (IngestSource s = Sources.open(write(dir, "a.txt", "\n {\"text\":\"x\"}\n", UTF_8), auto)) {
            assertEquals(IngestOptions.Format.JSONL, s.format());
        }
        try (IngestSource s = Sources.open(write(dir, "b.txt", "text\nx\n", UTF_8), auto)) {
            assertEquals(IngestOptions.Format.CSV, s.format());
        }
        try (IngestSource s = Sources.open(write(dir, "c.txt", "[{\"text\":\"x\"}]", UTF_8), auto)) {
            assertEquals(IngestOptions.Format.JSONL, s.format());
        }
    }
}
