package io.vocengine.cli;

import io.vocengine.engine.index.FeedbackIndexWriter;
import io.vocengine.engine.ingest.DeadLetterWriter;
import io.vocengine.engine.ingest.IngestRecord;
import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.ItemError;
import io.vocengine.engine.pipeline.Analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Indexes finished analyses on a few threads (Lucene's IndexWriter is thread-safe). Each item goes to the thread
 * its id hashes to, so two records with one id are indexed in input order and the later one wins, as it would in
 * one thread. Each thread's queue is bounded and a submitter waits while it is full, so memory stays flat.
 * <p>
 * A document the index refuses is dead-lettered and counted. A failure of the index itself (a full disk) or a dead
 * letter that cannot be written stops the run: the next {@link #submit} (whose item is dead-lettered first) or
 * else {@link #close()} (which waits for every submitted item) throws it, once, with its cause named.
 */
final class IndexingPool implements AutoCloseable {
    private final FeedbackIndexWriter index;
    private final DeadLetterWriter dead;
    private final List<ThreadPoolExecutor> lanes = new ArrayList<>();
    private final AtomicLong failures = new AtomicLong();
    /** The first failure that ends the run. */
    private final AtomicReference<UncheckedIOException> fatal = new AtomicReference<>();
    /** Whether {@link #fatal} was thrown already: throwing it again from close() would suppress it by itself. */
    private final AtomicBoolean thrown = new AtomicBoolean();

    IndexingPool(FeedbackIndexWriter index, DeadLetterWriter dead, int threads) {
        this.index = index;
        this.dead = dead;
        for (int i = 0; i < threads; i++) {
            lanes.add(new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(256), (task, lane) -> {
                if (lane.isShutdown()) throw new RejectedExecutionException("the indexing pool is closed");
                try {
                    lane.getQueue().put(task); // wait for room: back-pressure without reordering
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RejectedExecutionException("interrupted while waiting to index", e);
                }
            }));
        }
    }

    void submit(IngestRecord record, Analysis analysis) {
        UncheckedIOException failed = fatal.get();
        if (failed != null) {
            failures.incrementAndGet();
            deadLetter(record, "not indexed: " + failed.getMessage());
            throwOnce();
            return;
        }
        lanes.get(Math.floorMod(analysis.feedback().id().hashCode(), lanes.size())).execute(() -> index(record, analysis));
    }

    private void index(IngestRecord record, Analysis analysis) {
        try {
            index.add(analysis);
        } catch (IOException | RuntimeException refused) {
            failures.incrementAndGet();
            if (refused instanceof FeedbackIndexWriter.IndexBrokenException broken) {
                fatal.compareAndSet(null, new UncheckedIOException(broken.getMessage(), broken));
            }
            deadLetter(record, String.valueOf(refused.getMessage()));
        }
    }

    private void deadLetter(IngestRecord record, String why) {
        try {
            dead.write(record, new ItemError(ErrorCode.INDEX_FAILED, "index", why));
        } catch (IOException e) {
            fatal.compareAndSet(null, new UncheckedIOException("cannot dead-letter an item the index refused ("
                    + why + "): " + e.getMessage(), e));
        }
    }

    private void throwOnce() {
        UncheckedIOException e = fatal.get();
        if (e != null && thrown.compareAndSet(false, true)) throw e;
    }

    long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        for (ThreadPoolExecutor lane : lanes) lane.shutdown();
        try {
            for (ThreadPoolExecutor lane : lanes) {
                if (!lane.awaitTermination(1, TimeUnit.HOURS)) throw new IllegalStateException("indexing did not finish within an hour");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for indexing", e);
        }
        throwOnce();
    }
}
