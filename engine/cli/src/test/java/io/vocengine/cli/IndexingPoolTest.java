package io.vocengine.cli;

import io.vocengine.engine.Engine;
import io.vocengine.engine.EngineConfig;
import io.vocengine.engine.index.FeedbackIndexWriter;
import io.vocengine.engine.ingest.DeadLetterWriter;
import io.vocengine.engine.ingest.IngestRecord;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.pipeline.Analysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexingPoolTest {
    /**
     * An index that fails itself (here: a writer already closed, as Lucene closes one after a full disk) stops the
     * run once with the cause named; the items it could not take are dead-lettered with their raw records.
     */
    @Test
    void aBrokenIndexStopsTheRunOnceAndKeepsTheItems(@TempDir Path dir) throws IOException {
        Engine engine = Engine.create(EngineConfig.defaults());
        FeedbackIndexWriter index = FeedbackIndexWriter.open(dir.resolve("index"), engine.analyzer(), engine.segmenter(), true);
        index.close();
        Path deadFile = dir.resolve("dead.jsonl");
        try (DeadLetterWriter dead = new DeadLetterWriter(deadFile)) {
            IndexingPool pool = new IndexingPool(index, dead, 2);
            Analysis a = engine.analyse(Feedback.of("1", "包装破损了")), b = engine.analyse(Feedback.of("2", "物流很快"));
            pool.submit(new IngestRecord.Parsed("in.jsonl", 1, "{\"id\":\"1\",\"text\":\"包装破损了\"}", a.feedback()), a);
            // As IngestRun uses it: the next submit throws inside try-with-resources, and close() must not throw the
            // same exception again (Java would then report only "Self-suppression not permitted").
            UncheckedIOException stopped = assertThrows(UncheckedIOException.class, () -> {
                try (pool) {
                    for (int i = 0; i < 1000 && pool.failures() == 0; i++) Thread.sleep(5);
                    pool.submit(new IngestRecord.Parsed("in.jsonl", 2, "{\"id\":\"2\",\"text\":\"物流很快\"}", b.feedback()), b);
                }
            });
            assertTrue(stopped.getMessage().contains("failed and takes no more items"), stopped.getMessage());
            assertEquals(0, stopped.getSuppressed().length);
            assertEquals(2, pool.failures());
        }
        String dl = Files.readString(deadFile);
        assertTrue(dl.contains("INDEX_FAILED") && dl.contains("包装破损了") && dl.contains("物流很快"), dl);
    }
}
