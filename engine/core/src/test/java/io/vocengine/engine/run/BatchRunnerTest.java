package io.vocengine.engine.run;

import io.vocengine.engine.ingest.IngestRecord;
import io.vocengine.engine.ingest.RecordSource;
import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.ItemError;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.StageException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
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

    private static final class Recorder implements BatchRunner.Sink {
        final List<Long> lines = new ArrayList<>();
        final List<ErrorCode> errors = new ArrayList<>();

        public void accept(IngestRecord.Parsed r, Analysis a) { lines.add(r.line()); }

        public void reject(IngestRecord r, ItemError e) {
            lines.add(r.line());
            errors.add(e.code());
        }
    }

    @Test
    void resultsArriveInInputOrderAndFailuresDoNotStopTheRun() throws IOException {
        Recorder sink = new Recorder();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        RunSummary s = new BatchRunner(4).run(source(5000, Integer.MAX_VALUE), r -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                if (ThreadLocalRandom.current().nextInt(10) == 0) Thread.onSpinWait();
                if (r.line() % 11 == 0) throw new StageException("clean", "boom " + r.line());
                if (r.line() % 13 == 0) throw new IllegalStateException("unexpected");
                return Analysis.of(r.feedback());
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
    }

    @Test
    void aReadErrorSurfacesAfterTheRecordsBeforeIt() {
        Recorder sink = new Recorder();
        IOException e = assertThrows(IOException.class,
                () -> new BatchRunner(2).run(source(100, 40), r -> Analysis.of(r.feedback()), UnaryOperator.identity(), sink, null));
        assertTrue(e.getMessage().contains("record 40"));
        assertEquals(40, sink.lines.size());
    }

    @Test
    void anUncheckedReaderFailureEndsTheRunInsteadOfHangingIt() {
        Recorder sink = new Recorder();
        IOException e = assertThrows(IOException.class,
                () -> new BatchRunner(2).run(source(100, -3), r -> Analysis.of(r.feedback()), UnaryOperator.identity(), sink, null));
        assertTrue(e.getMessage().contains("parser bug at record 3"), e.getMessage());
        assertEquals(3, sink.lines.size());
    }
}
