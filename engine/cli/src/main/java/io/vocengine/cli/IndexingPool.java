package io.vocengine.cli;

import io.vocengine.engine.index.FeedbackIndexWriter;
import io.vocengine.engine.ingest.DeadLetterWriter;
import io.vocengine.engine.ingest.IngestRecord;
import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.ItemError;
import io.vocengine.engine.pipeline.Analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Indexes finished analyses on a few threads (Lucene's IndexWriter is thread-safe). The queue is bounded and a full
 * queue makes the submitter index the item itself, so memory stays flat. A document Lucene refuses is dead-lettered
 * and counted; {@link #close()} waits for every submitted item.
 */
final class IndexingPool implements AutoCloseable {
    private final FeedbackIndexWriter index;
    private final DeadLetterWriter dead;
    private final ThreadPoolExecutor pool;
    private final AtomicLong failures = new AtomicLong();

    IndexingPool(FeedbackIndexWriter index, DeadLetterWriter dead, int threads) {
        this.index = index;
        this.dead = dead;
        this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(1024),
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    void submit(IngestRecord record, Analysis analysis) {
        pool.execute(() -> {
            try {
                index.add(analysis);
            } catch (IOException refused) {
                failures.incrementAndGet();
                try {
                    dead.write(record, new ItemError(ErrorCode.INDEX_FAILED, "index", refused.getMessage()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot dead-letter an item the index refused", e);
                }
            }
        });
    }

    long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(1, TimeUnit.HOURS)) throw new IllegalStateException("indexing did not finish within an hour");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for indexing", e);
        }
    }
}
