package io.vocengine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocengine.engine.Engine;
import io.vocengine.engine.EngineConfig;
import io.vocengine.engine.index.FeedbackSearcher;
import io.vocengine.engine.index.SearchRequest;
import io.vocengine.engine.ingest.IngestOptions;
import io.vocengine.engine.run.RunSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bad-input cases, end to end: real files, the real engine, the index on disk, dead-letter files. */
class EndToEndTest {
    private static Engine engine;
    @TempDir
    Path dir;
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void load() {
        engine = Engine.create(EngineConfig.defaults());
    }

    private RunSummary ingest(Path file) throws IOException {
        return IngestRun.run(engine, file, IngestOptions.defaults(), dir.resolve("data"), 2, false, err);
    }

    private List<JsonNode> deadLetters() throws IOException {
        Path dl = dir.resolve("data/deadletter");
        if (!Files.isDirectory(dl)) return List.of();
        try (Stream<Path> files = Files.list(dl)) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }).map(line -> {
                try {
                    return Json.MAPPER.readTree(line);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }).toList();
        }
    }

    private long hits(String query) throws IOException {
        try (FeedbackSearcher s = FeedbackSearcher.open(dir.resolve("data/index"), engine.analyzer())) {
            return s.search(new SearchRequest(query, List.of(), List.of(), 10)).totalHits();
        }
    }

    private Path write(String name, String content, Charset cs) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(cs));
        return p;
    }

    @Test
    void emptyFileIsANoteNotAnError() throws IOException {
        RunSummary s = ingest(write("empty.jsonl", "", StandardCharsets.UTF_8));
        assertEquals(0, s.read());
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("is empty"));
    }

    /** Two records with one id: the later wins, however the indexing threads interleave. */
    @Test
    void aCorrectionLaterInTheFileReplacesTheOriginal() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            sb.append("{\"id\":\"").append(i).append("\",\"text\":\"第一次写的评价，包装破损\"}\n");
            sb.append("{\"id\":\"").append(i).append("\",\"text\":\"更正后的评价，物流很快\"}\n");
        }
        RunSummary s = ingest(write("corrections.jsonl", sb.toString(), StandardCharsets.UTF_8));
        assertEquals(3000, s.ok());
        assertEquals(0, hits("第一次"));
        assertEquals(1500, hits("更正"));
    }

    @Test
    void malformedJsonLineInTheMiddleIsDeadLetteredAndTheRestIndexed() throws IOException {
        Path f = write("mixed.jsonl", """
                {"id":"1","text":"包装破损了"}
                {"id":"2","text":"物流很快" oops}
                {"id":"3","text":"包装完好，物流也快"}
                """, StandardCharsets.UTF_8);
        RunSummary s = ingest(f);
        assertEquals(3, s.read());
        assertEquals(2, s.ok());
        assertEquals(1, s.failed());
        JsonNode dl = deadLetters().get(0);
        assertEquals("MALFORMED_JSON", dl.get("code").asText());
        assertEquals(2, dl.get("line").asLong());
        assertEquals("{\"id\":\"2\",\"text\":\"物流很快\" oops}", dl.get("raw").asText());
        assertEquals(2, hits("包装"));
    }

    @Test
    void csvWithoutTextColumnIsRefusedWithItsColumns() throws IOException {
        Path f = write("bad.csv", "label,body\n1,很好\n", StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        CommandLine cli = VocCli.commandLine();
        cli.setErr(new PrintWriter(out));
        int code = cli.execute("ingest", f.toString(), "--data-dir", dir.resolve("data").toString());
        assertEquals(2, code);
        assertTrue(out.toString().contains("no text column") && out.toString().contains("--map text="), out.toString());
    }

    @Test
    void csvRowWithAMissingCellIsDeadLetteredWithItsRawRecord() throws IOException {
        Path f = write("short.csv", "id,review,channel\n1,包装破损,complaint\n2,屏幕碎了\n3,客服态度好,review\n", StandardCharsets.UTF_8);
        RunSummary s = ingest(f);
        assertEquals(2, s.ok());
        JsonNode dl = deadLetters().get(0);
        assertEquals("CSV_COLUMN_COUNT", dl.get("code").asText());
        assertTrue(dl.get("raw").asText().contains("屏幕碎了"));
    }

    @Test
    void gbkFileIsDetectedAndIndexedWithoutMojibake() throws IOException {
        Path f = write("gbk.jsonl", "{\"id\":\"g1\",\"text\":\"快递把盒子压扁了，包装破损\"}\n", Charset.forName("GBK"));
        RunSummary s = ingest(f);
        assertEquals(1, s.ok());
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("GB18030"));
        assertEquals(1, hits("包装 破损"));
    }

    @Test
    void tenMegabyteSingleLineIsTruncatedForAnalysisAndKeptWhole() throws IOException {
        String text = "包装破损".repeat(2_600_000 / 4) + "结尾";
        Path f = write("huge.jsonl", "{\"id\":\"big\",\"text\":\"" + text + "\"}\n", StandardCharsets.UTF_8);
        assertTrue(Files.size(f) > 7_000_000);
        RunSummary s = ingest(f);
        assertEquals(1, s.ok());
        assertEquals(1L, s.flags().get("TRUNCATED"));
        try (FeedbackSearcher searcher = FeedbackSearcher.open(dir.resolve("data/index"), engine.analyzer())) {
            var hit = searcher.search(new SearchRequest("包装", List.of(), List.of(), 1)).hits().get(0);
            assertEquals("big", hit.id());
        }
    }

    @Test
    void recordWithNoTextIsIndexedAndFlagged() throws IOException {
        Path f = write("nps.jsonl", "{\"id\":\"s1\",\"channel\":\"survey\",\"nps\":3}\n{\"id\":\"s2\",\"text\":\"\"}\n", StandardCharsets.UTF_8);
        RunSummary s = ingest(f);
        assertEquals(2, s.ok());
        assertEquals(2L, s.flags().get("EMPTY_TEXT"));
        assertEquals(2, hits(""));
    }

    @Test
    void tagKeepsInputOrderAndPutsErrorsInPlace() throws IOException {
        Path f = write("in.jsonl", "{\"id\":\"a\",\"text\":\"😡包装破损\",\"metadata\":{\"domain\":\"ecommerce\"}}\n"
                + "not json\n{\"id\":\"c\",\"text\":\"没有闪退\",\"metadata\":{\"domain\":\"phone\"}}\n", StandardCharsets.UTF_8);
        TagCommand cmd = new TagCommand();
        new CommandLine(cmd).parseArgs(f.toString(), "--data-dir", dir.resolve("data").toString(), "--threads", "2");
        StringWriter out = new StringWriter();
        cmd.run(engine, out, err);
        List<JsonNode> lines = out.toString().lines().map(l -> {
            try {
                return Json.MAPPER.readTree(l);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }).toList();
        assertEquals(3, lines.size());
        assertEquals("a", lines.get(0).get("id").asText());
        JsonNode ev = lines.get(0).get("tags").get(0).get("evidence").get(0);
        assertEquals(2, ev.get("start").asInt());
        assertEquals(1, ev.get("cpStart").asInt());
        assertEquals("MALFORMED_JSON", lines.get(1).get("error").get("code").asText());
        assertEquals(2, lines.get(1).get("line").asInt());
        assertEquals("c", lines.get(2).get("id").asText());
        JsonNode tags = lines.get(2).get("tags"); // 没有闪退 is never 闪退: the phone taxonomy reads it as 流畅
        assertEquals(1, tags.size());
        assertEquals("phone.quality.system.smooth", tags.get(0).get("id").asText());
        assertEquals("positive", tags.get(0).get("polarity").asText());
        assertEquals("not json", deadLetters().get(0).get("raw").asText());
    }
}
