package io.vocengine.engine.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.ItemError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadLetterWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void fourThreadsWriteExactlyNWellFormedLines() throws Exception {
        int threads = 4;
        int each = 2_500;
        Path file = dir.resolve("runs/1/dead.jsonl");
        DeadLetterWriter writer = new DeadLetterWriter(file);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String source = "in" + t + ".jsonl";
            done.add(pool.submit(() -> {
                for (int i = 1; i <= each; i++) {
                    writer.write(new IngestRecord.Rejected(source, i, "{\"text\":\"坏\n行\"," + i + "}", null,
                            new ItemError(ErrorCode.MALFORMED_JSON, "json", "bad " + i)));
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        writer.close();

        assertEquals(threads * each, writer.written());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(threads * each, lines.size());
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            assertEquals("MALFORMED_JSON", n.get("code").asText());
            assertEquals("json", n.get("stage").asText());
            assertEquals("{\"text\":\"坏\n行\"," + n.get("line").asLong() + "}", n.get("raw").asText());
            assertTrue(seen.add(n.get("source").asText() + ":" + n.get("line").asLong()));
        }
    }

    @Test
    void undecodableBytesAreKeptInBase64AndParsedRecordsByRaw() throws IOException {
        Path file = dir.resolve("dead.jsonl");
        byte[] bytes = {'{', (byte) 0xE4, (byte) 0xB8, '}'};
        try (DeadLetterWriter writer = new DeadLetterWriter(file)) {
            writer.write(new IngestRecord.Rejected("a.jsonl", 3, null, bytes,
                    new ItemError(ErrorCode.ENCODING_ERROR, "json", "a.jsonl line 3: bytes that are not valid")));
            IngestRecord.Parsed parsed = new IngestRecord.Parsed("a.jsonl", 4, "{\"text\":\"好\"}",
                    Feedback.of("a.jsonl:4", "好"));
            writer.write(parsed, new ItemError(ErrorCode.STAGE_FAILED, "segment", "boom"));
        }
        List<String> lines = Files.readAllLines(file);
        JsonNode first = JSON.readTree(lines.get(0));
        assertArrayEquals(bytes, Base64.getDecoder().decode(first.get("rawBase64").asText()));
        assertFalse(first.has("raw"));
        JsonNode second = JSON.readTree(lines.get(1));
        assertEquals("{\"text\":\"好\"}", second.get("raw").asText());
        assertEquals("segment", second.get("stage").asText());
        assertEquals(4, second.get("line").asLong());
    }

    @Test
    void fileIsCreatedOnlyOnTheFirstWriteAndAppendedTo() throws IOException {
        Path file = dir.resolve("lazy/dead.jsonl");
        new DeadLetterWriter(file).close();
        assertFalse(Files.exists(file));
        for (int run = 0; run < 2; run++) {
            try (DeadLetterWriter writer = new DeadLetterWriter(file)) {
                writer.write(new IngestRecord.Rejected("x", 1, "r", null,
                        new ItemError(ErrorCode.MALFORMED_CSV, "csv", "m")));
            }
        }
        assertEquals(2, Files.readAllLines(file).size());
    }

    @Test
    void sideFilesAreNeverOverwritten() throws IOException {
        DeadLetterWriter writer = new DeadLetterWriter(dir.resolve("dead.jsonl"));
        OverflowSink sink = writer.overflowSink();
        for (int i = 0; i < 2; i++) {
            OverflowSink.Target t = sink.open("评论 数据.jsonl", 5);
            try (var out = t.out()) {
                out.write(i);
            }
        }
        assertArrayEquals(new byte[]{0}, Files.readAllBytes(dir.resolve("dead.评论_数据.jsonl.line-5.raw")));
        assertArrayEquals(new byte[]{1}, Files.readAllBytes(dir.resolve("dead.评论_数据.jsonl.line-5-2.raw")));
    }

    @Test
    void writeFailureNamesTheFile() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        DeadLetterWriter writer = new DeadLetterWriter(blocker.resolve("dead.jsonl"));
        IOException e = assertThrows(IOException.class, () -> writer.write(new IngestRecord.Rejected("x", 1, "r", null,
                new ItemError(ErrorCode.MALFORMED_CSV, "csv", "m"))));
        assertTrue(e.getMessage().startsWith("cannot write dead-letter file " + blocker.resolve("dead.jsonl")),
                e.getMessage());
        assertEquals(0, writer.written());
    }
}
