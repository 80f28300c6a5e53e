package io.vocengine.engine.run;

import io.vocengine.engine.ingest.IngestRecord;
import io.vocengine.engine.ingest.RecordSource;
import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.ItemError;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Outcome;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchRunnerTest {
    /** n records; every 7th is rejected; at record {@code breakAt} an IOException, at {@code -breakAt} a RuntimeException. */
    private static RecordSource source(int n, int breakAt) {
        return new RecordSource() {
            int i;

            @Override
            public IngestRecord next() throws IOException {
                if (i == breakAt) throw new IOException("disk read failed at record " + i);
                if (i == -breakAt) throw new IllegalStateException("parser bug at record " + i);
                if (i >= n) return null;
                i++;
                if (i % 7 == 0) return new IngestRecord.Rejected("t", i, "bad " + i, null,
                        new ItemError(ErrorCode.MALFORMED_JSON, "json", "bad"));
                return new IngestRecord.Parsed("t", i, "raw " + i, Feedback.of(String.valueOf(i), "x"));
            }

            public long bytesRead() { return i; }
            public long totalBytes() { return n; }
            public Charset charset() { return StandardCharsets.UTF_8; }
            public void close() { }
        };
    }

    private static class Recorder implements BatchRunner.Sink {
        final List<Long> lines = new ArrayList<>();
        final List<ErrorCode> errors = new ArrayList<>();

        public void accept(IngestRecord.Parsed r, Analysis a) { lines.add(r.line()); }

        public void reject(IngestRecord r, ItemError e) {
            lines.add(r.line());
            errors.add(e.code());
        }
    }

    /** Analysis of each feedback; every 11th line fails in a stage, and a chunk holding a 13th line throws. */
    private static List<Outcome> analyse(List<Feedback> chunk) {
        List<Outcome> out = new ArrayList<>();
        for (Feedback f : chunk) {
            long line = Long.parseLong(f.id());
            if (line % 13 == 0) throw new IllegalStateException("unexpected at " + line);
            out.add(line % 11 == 0 ? Outcome.failed(new ItemError(ErrorCode.STAGE_FAILED, "clean", "boom " + line))
                    : Outcome.of(Analysis.of(f)));
        }
        return out;
    }

    @Test
    void resultsArriveInInputOrderAndFailuresDoNotStopTheRun() throws IOException {
        Recorder sink = new Recorder();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        AtomicInteger largestChunk = new AtomicInteger();
        RunSummary s = new BatchRunner(4).run(source(5000, Integer.MAX_VALUE), chunk -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            largestChunk.accumulateAndGet(chunk.size(), Math::max);
            try {
                if (ThreadLocalRandom.current().nextInt(10) == 0) Thread.onSpinWait();
                return analyse(chunk);
            } finally {
                concurrent.decrementAndGet();
            }
        }, UnaryOperator.identity(), sink, null);
        assertEquals(5000, s.read());
        for (int i = 0; i < 5000; i++) assertEquals(i + 1, sink.lines.get(i));
        long bad = sink.errors.size();
        assertEquals(s.failed(), bad);
        assertEquals(5000 - bad, s.ok());
        assertEquals(714L, s.failures().get(ErrorCode.MALFORMED_JSON));
        assertTrue(s.failures().get(ErrorCode.STAGE_FAILED) > 0);
        assertTrue(maxConcurrent.get() <= 4);
        assertTrue(largestChunk.get() <= BatchRunner.CHUNK, "chunk of " + largestChunk.get());
    }

    @Test
    void aBusyWorkerGetsFullChunks() throws IOException {
        AtomicInteger largestChunk = new AtomicInteger();
        new BatchRunner(1).run(source(2000, Integer.MAX_VALUE), chunk -> {
            largestChunk.accumulateAndGet(chunk.size(), Math::max);
            LockSupport.parkNanos(1_000_000); // a slow model: the reader runs ahead and fills chunks
            return chunk.stream().map(f -> Outcome.of(Analysis.of(f))).toList();
        }, UnaryOperator.identity(), new Recorder(), null);
        // 32 records hold four or five rejected ones (every 7th), which never reach the worker.
        assertTrue(largestChunk.get() >= BatchRunner.CHUNK - 5, "largest chunk " + largestChunk.get());
    }

    @Test
    void aSlowStreamIsAnsweredRecordByRecord() throws IOException {
        // Each record is only written after the previous one was answered, as an upstream caller piping one
        // review at a time into `voc tag` would: a runner that waited for a full chunk would never answer.
        Semaphore answered = new Semaphore(0);
        RecordSource dialogue = new RecordSource() {
            int i;

            @Override
            public IngestRecord next() throws IOException {
                if (i == 50) return null;
                try {
                    if (i > 0 && !answered.tryAcquire(10, TimeUnit.SECONDS)) {
                        throw new IOException("record " + i + " was not answered: the runner waited for a fuller chunk");
                    }
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                i++;
                return new IngestRecord.Parsed("t", i, "raw " + i, Feedback.of(String.valueOf(i), "x"));
            }

            public long bytesRead() { return i; }
            public long totalBytes() { return -1; }
            public Charset charset() { return StandardCharsets.UTF_8; }
            public void close() { }
        };
        Recorder sink = new Recorder() {
            @Override
            public void accept(IngestRecord.Parsed r, Analysis a) {
                super.accept(r, a);
                answered.release();
            }
        };
        RunSummary s = new BatchRunner(2).run(dialogue, chunk -> chunk.stream().map(f -> Outcome.of(Analysis.of(f))).toList(),
                UnaryOperator.identity(), sink, null);
        assertEquals(50, s.ok());
    }

    @Test
    void aReadErrorSurfacesAfterTheRecordsBeforeIt() {
        Recorder sink = new Recorder();
        IOException e = assertThrows(IOException.class,
                () -> new BatchRunner(2).run(source(100, 40), chunk -> chunk.stream().map(f -> Outcome.of(Analysis.of(f))).toList(), UnaryOperator.identity(), sink, null));
        assertTrue(e.getMessage().contains("record 40"));
        assertEquals(40, sink.lines.size());
    }

    @Test
    void anUncheckedReaderFailureEndsTheRunInsteadOfHangingIt() {
        Recorder sink = new Recorder();
        IOException e = assertThrows(IOException.class,
                () -> new BatchRunner(2).run(source(100, -3), chunk -> chunk.stream().map(f -> Outcome.of(Analysis.of(f))).toList(), UnaryOperator.identity(), sink, null));
        assertTrue(e.getMessage().contains("parser bug at record 3"), e.getMessage());
        assertEquals(3, sink.lines.size());
    }
}
