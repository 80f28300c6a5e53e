package io.vocengine.engine.run;

import io.vocengine.engine.ingest.IngestRecord;
import io.vocengine.engine.ingest.RecordSource;
import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Flag;
import io.vocengine.engine.model.ItemError;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Outcome;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link RecordSource} through a worker function on N threads and hands results to a {@link Sink} in input
 * order:
 * <pre>
 *   reader thread ─▶ chunks of records ─▶ bounded queue of futures ─▶ N workers ─▶ caller thread: in-order step, sink
 * </pre>
 * Workers get chunks of up to {@link #CHUNK} records, so the model stages score a chunk per onnxruntime call. The
 * reader hands over a partial chunk whenever a worker is idle, so a slow stream (records typed into stdin) is
 * answered record by record instead of waiting for a chunk to fill.
 * The in-order step sees every analysis in input order on one thread: the place for corpus-level work such as
 * near-duplicate clustering, whose results must not depend on thread timing.
 * The queue bounds how many items are in flight, so memory stays flat whatever the input size. A failing item never
 * stops the run: it reaches {@link Sink#reject} with its raw record and a coded reason.
 * One runner per run; not reusable.
 */
public final class BatchRunner {
    /** Records a worker gets at most at once: enough to fill onnxruntime's sub-batches of 8 four times. */
    public static final int CHUNK = 32;

    /** What happens to a chunk of items on a worker thread (the engine's batch analysis). Must be thread-safe. */
    @FunctionalInterface
    public interface Worker {
        /** @return one outcome per feedback, in order */
        List<Outcome> process(List<Feedback> chunk);
    }

    /** Receives every record once, in input order, on the caller's thread. */
    public interface Sink {
        /** @throws IOException when this item cannot be stored; it is then rejected as INDEX_FAILED and the run goes on */
        void accept(IngestRecord.Parsed record, Analysis analysis) throws IOException;

        void reject(IngestRecord record, ItemError error) throws IOException;
    }

    private sealed interface Slot permits Done, Failed, End {
    }

    private record Done(IngestRecord.Parsed record, Analysis analysis) implements Slot {
    }

    private record Failed(IngestRecord record, ItemError error) implements Slot {
    }

    private record End(IOException readError) implements Slot {
    }

    private final int threads;
    private final int inFlight;

    public BatchRunner(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.threads = threads;
        this.inFlight = threads * 256 / CHUNK; // chunks: about 256 records in flight per thread
    }

    public RunSummary run(RecordSource source, Worker worker, UnaryOperator<Analysis> inOrder, Sink sink, Progress progress)
            throws IOException {
        long t0 = System.nanoTime();
        BlockingQueue<CompletableFuture<List<Slot>>> queue = new ArrayBlockingQueue<>(inFlight);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "voc-worker");
            t.setDaemon(true);
            return t;
        });
        // Sources are single-threaded: the reader publishes its byte count for the progress line here.
        AtomicLong bytesRead = new AtomicLong();
        Thread reader = Thread.ofPlatform().name("voc-reader").daemon()
                .start(() -> read(source, worker, queue, pool, bytesRead));
        long read = 0, ok = 0, failed = 0, chars = 0;
        Map<ErrorCode, Long> failures = new EnumMap<>(ErrorCode.class);
        Map<String, Long> flags = new HashMap<>();
        try {
            boolean ended = false;
            while (!ended) {
                for (Slot slot : queue.take().join()) {
                    if (slot instanceof End end) {
                        if (end.readError() != null) throw end.readError();
                        ended = true;
                        break;
                    }
                    read++;
                    if (slot instanceof Done d) {
                        Analysis a = inOrder.apply(d.analysis());
                        try {
                            sink.accept(d.record(), a);
                        } catch (IOException sinkFailed) { // e.g. Lucene refused the document: this item fails, not the run
                            slot = new Failed(d.record(), new ItemError(ErrorCode.INDEX_FAILED, "index", sinkFailed.getMessage()));
                        }
                        if (slot instanceof Done) {
                            ok++;
                            chars += d.record().feedback().text().length();
                            for (Flag f : a.flags()) flags.merge(f.code(), 1L, Long::sum);
                        }
                    }
                    if (slot instanceof Failed f) {
                        failed++;
                        failures.merge(f.error().code(), 1L, Long::sum);
                        sink.reject(f.record(), f.error());
                    }
                    if (progress != null) progress.update(read, bytesRead.get(), source.totalBytes());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("run interrupted", e);
        } finally {
            // Stop and wait for the reader and the workers before the caller closes the source and the sink.
            reader.interrupt();
            pool.shutdownNow();
            awaitQuietly(reader, pool);
        }
        if (progress != null) progress.finish(read, bytesRead.get(), source.totalBytes());
        return new RunSummary(read, ok, failed, failures, flags, chars, System.nanoTime() - t0);
    }

    private void read(RecordSource source, Worker worker, BlockingQueue<CompletableFuture<List<Slot>>> queue,
                      ExecutorService pool, AtomicLong bytesRead) {
        IOException readError = null;
        AtomicInteger busy = new AtomicInteger(); // chunks handed to the pool and not yet finished
        List<IngestRecord> chunk = new ArrayList<>(CHUNK);
        try {
            for (IngestRecord r; (r = source.next()) != null; ) {
                bytesRead.set(source.bytesRead());
                chunk.add(r); // a rejected record rides along, so it keeps its place in the output order
                if (chunk.size() == CHUNK || busy.get() < threads) chunk = submit(chunk, worker, queue, pool, busy);
            }
        } catch (IOException e) {
            readError = e;
        } catch (InterruptedException e) {
            return; // the consumer gave up; nobody is waiting for the end marker
        } catch (RuntimeException | Error e) {
            // Whatever broke the reader, the consumer must hear of it, or it would wait for the end marker forever.
            readError = new IOException("reading the input failed: " + e, e);
        }
        try {
            submit(chunk, worker, queue, pool, busy); // the last partial chunk, also after a read error
            queue.put(CompletableFuture.completedFuture(List.of(new End(readError))));
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues the chunk's future (if it has records) and returns a fresh chunk. */
    private static List<IngestRecord> submit(List<IngestRecord> chunk, Worker worker,
                                             BlockingQueue<CompletableFuture<List<Slot>>> queue,
                                             ExecutorService pool, AtomicInteger busy) throws InterruptedException {
        if (chunk.isEmpty()) return chunk;
        busy.incrementAndGet();
        queue.put(CompletableFuture.supplyAsync(() -> {
            try {
                return work(worker, chunk);
            } finally {
                busy.decrementAndGet();
            }
        }, pool));
        return new ArrayList<>(CHUNK);
    }

    private static void awaitQuietly(Thread reader, ExecutorService pool) {
        try {
            reader.join(10_000);
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Slot> work(Worker worker, List<IngestRecord> chunk) {
        List<IngestRecord.Parsed> parsed = new ArrayList<>(chunk.size());
        for (IngestRecord r : chunk) if (r instanceof IngestRecord.Parsed p) parsed.add(p);
        Iterator<Outcome> outcomes = analyse(worker, parsed).iterator();
        List<Slot> out = new ArrayList<>(chunk.size());
        for (IngestRecord r : chunk) {
            out.add(switch (r) {
                case IngestRecord.Rejected x -> new Failed(x, x.error());
                case IngestRecord.Parsed p -> {
                    Outcome o = outcomes.next();
                    yield o.error() == null ? new Done(p, o.analysis()) : new Failed(p, o.error());
                }
            });
        }
        return out;
    }

    /**
     * The worker's outcomes for the parsed records. The pipeline already turns a bad item into its own error, so a
     * throwing worker is a bug: every record of the chunk then fails with it, and the run goes on.
     */
    private static List<Outcome> analyse(Worker worker, List<IngestRecord.Parsed> parsed) {
        if (parsed.isEmpty()) return List.of();
        try {
            List<Outcome> outcomes = worker.process(parsed.stream().map(IngestRecord.Parsed::feedback).toList());
            if (outcomes.size() != parsed.size()) {
                throw new IllegalStateException("worker returned " + outcomes.size() + " outcomes for " + parsed.size() + " records");
            }
            return outcomes;
        } catch (RuntimeException | StackOverflowError e) {
            return Collections.nCopies(parsed.size(), Outcome.failed(new ItemError(ErrorCode.STAGE_FAILED, "worker", e.toString())));
        }
    }
}
