package io.vocengine.cli;

import io.vocengine.engine.Engine;
import io.vocengine.engine.dedup.Deduplicator;
import io.vocengine.engine.index.FeedbackIndexWriter;
import io.vocengine.engine.ingest.DeadLetterWriter;
import io.vocengine.engine.ingest.IngestOptions;
import io.vocengine.engine.ingest.IngestRecord;
import io.vocengine.engine.ingest.IngestSource;
import io.vocengine.engine.ingest.Sources;
import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.ItemError;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.run.BatchRunner;
import io.vocengine.engine.run.Progress;
import io.vocengine.engine.run.RunSummary;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** One file through the engine into the index, with dead letters and a summary: shared by ingest and demo. */
final class IngestRun {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private IngestRun() {
    }

    /** Dead-letter file of a run: {@code <data>/deadletter/<command>-<timestamp>.jsonl}, created on first use. */
    static Path deadLetterFile(Path dataDir, String command) {
        return dataDir.resolve("deadletter").resolve(command + "-" + RUN_ID.format(LocalDateTime.now()) + ".jsonl");
    }

    /** @param fresh true to rebuild the index from this file alone (the demo), false to add to it */
    static RunSummary run(Engine engine, Path file, IngestOptions options, Path dataDir, int threads, boolean fresh,
                          PrintStream err) throws IOException {
        try (DeadLetterWriter dead = new DeadLetterWriter(deadLetterFile(dataDir, "ingest"));
             IngestSource source = Sources.open(file, options, dead.overflowSink());
             FeedbackIndexWriter index = FeedbackIndexWriter.open(dataDir.resolve("index"), engine.analyzer(),
                     engine.segmenter(), fresh)) {
            err.printf("reading %s as %s, %s%n", source.name(), source.format(), source.encoding().how());
            // Clustering must see items in input order (deterministic cluster ids), so it runs on the consumer thread;
            // indexing needs order only per id, so the consumer hands each document to the indexing thread of its id.
            IndexingPool pool = new IndexingPool(index, dead, threads);
            RunSummary summary;
            try (pool) {
                summary = new BatchRunner(threads).run(source, engine::analyseAll, new Deduplicator(),
                        new BatchRunner.Sink() {
                            @Override
                            public void accept(IngestRecord.Parsed record, Analysis analysis) {
                                pool.submit(record, analysis);
                            }

                            @Override
                            public void reject(IngestRecord record, ItemError error) throws IOException {
                                dead.write(record, error);
                            }
                        }, Progress.stderr("ingest"));
            }
            summary = summary.withLateFailures(ErrorCode.INDEX_FAILED, pool.failures());
            index.commit();
            err.print(summary.format());
            if (source.recordsRead() == 0) err.println("note: " + source.name() + " is empty; nothing was indexed");
            if (source.stoppedEarly() != null) {
                err.println("warning: " + source.name() + " was not read to its end, and the records after the last one "
                        + "counted are not counted: " + source.stoppedEarly());
            }
            if (dead.written() > 0) err.println("dead letters (reason + raw record): " + dead.file());
            err.println("index: " + dataDir.resolve("index"));
            return summary;
        }
    }
}
