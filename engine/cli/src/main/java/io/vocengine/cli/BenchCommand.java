package io.vocengine.cli;

import io.vocengine.engine.Engine;
import io.vocengine.engine.dedup.Deduplicator;
import io.vocengine.engine.dedup.NearDuplicateIndex;
import io.vocengine.engine.demo.DemoConfig;
import io.vocengine.engine.demo.DemoDataGenerator;
import io.vocengine.engine.index.FeedbackIndexWriter;
import io.vocengine.engine.emotion.EmotionScorer;
import io.vocengine.engine.ingest.IngestOptions;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Outcome;
import io.vocengine.engine.run.BatchRunner;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.ingest.IngestRecord;
import io.vocengine.engine.ingest.IngestSource;
import io.vocengine.engine.ingest.Sources;
import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.pipeline.StageTimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code voc bench}: a documented harness for the pipeline's speed on the demo data or on a file of real reviews
 * ({@code --input}). Kept out of the test run. Prints cleaning and near-duplicate throughput, per-item latency
 * percentiles on one thread, throughput on 1..N threads, indexing throughput and memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure cleaning, analysis and indexing throughput, latency percentiles and memory on demo data"
                + " or on --input.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Mixin
    InputOptions input;

    @Option(names = "--domain", paramLabel = "TAXONOMY",
            description = "Route every --input item to this taxonomy (metadata.domain), e.g. restaurant for waimai-10k.")
    String domain;

    @Option(names = "--input", paramLabel = "FILE",
            description = "Measure on this JSON Lines or CSV file instead of the demo data, e.g. a public review set.")
    Path inputFile;

    @Option(names = "--count", defaultValue = "30000", description = "Items to measure (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds per setting; the median is reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--emotion", description = "Only the emotion stage: batched throughput per thread count, single-item latency, memory.")
    boolean emotionOnly;

    private static final int EMOTION_BATCH = 64;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        List<Feedback> items = load();
        long chars = items.stream().mapToLong(f -> f.text().length()).sum();
        Engine e = engine.engine();
        out.printf("bench: %,d items of %s, %,d chars (mean %.0f chars/item), %d cores, JDK %s%n",
                items.size(), inputFile == null ? "demo data" : inputFile.getFileName(), chars, (double) chars / items.size(), Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        if (emotionOnly) {
            emotion(e, items, out);
            memory(out);
            return 0;
        }
        for (int i = 0; i < Math.min(items.size(), 5000); i++) e.analyse(items.get(i)); // JIT warm-up
        for (Feedback f : items) e.clean(f.text()); // and of the cleaner alone, on every kind of text in the set

        // Streamed as a run would: results are not kept, so the figure is the stage's, not the collector's.
        for (int threads = 1; threads <= engine.threads(); threads++) {
            double[] secs = new double[rounds];
            for (int r = 0; r < rounds; r++) secs[r] = timeParallel(threads, items.size(), i -> e.clean(items.get(i).text()));
            Arrays.sort(secs);
            out.printf("clean only (all steps and checks), %d thread(s): %,.0f items/s  %,.0f chars/s  (median of %d rounds)%n", threads,
                    items.size() / secs[rounds / 2], chars / secs[rounds / 2], rounds);
        }
        List<CleanText> cleaned = items.stream().map(f -> e.clean(f.text())).toList();
        double[] dedupSecs = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            NearDuplicateIndex index = new NearDuplicateIndex(Deduplicator.DEFAULT_THRESHOLD);
            long t = System.nanoTime();
            for (int i = 0; i < items.size(); i++) index.observe(items.get(i).id(), items.get(i).text(), cleaned.get(i));
            dedupSecs[r] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(dedupSecs);
        out.printf("near-duplicate clustering, 1 thread: %,.0f items/s  (median of %d rounds, fresh index each)%n",
                items.size() / dedupSecs[rounds / 2], rounds);

        long[] nanos = new long[items.size()];
        for (int i = 0; i < items.size(); i++) {
            long t = System.nanoTime();
            e.analyse(items.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        out.printf("analyse latency, 1 thread: p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms%n",
                pct(nanos, 0.50), pct(nanos, 0.90), pct(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
        StageTimes times = new StageTimes();
        for (Feedback f : items) e.analyse(f, times);
        StringBuilder perStage = new StringBuilder();
        times.totals().forEach((stage, spent) -> perStage.append(String.format("  %s %.1f µs/item (%,.0f items/s alone)",
                stage, spent / 1e3 / items.size(), items.size() / (spent / 1e9))));
        out.println("analyse time by stage, 1 thread:" + perStage);
        Engine rulesOnly = Engine.create(engine.config().withoutModels());
        for (int i = 0; i < Math.min(items.size(), 5000); i++) rulesOnly.analyse(items.get(i));
        for (int threads = 1; threads <= engine.threads(); threads++) {
            for (Engine which : List.of(e, rulesOnly)) {
                double[] secs = new double[rounds];
                for (int r = 0; r < rounds; r++) secs[r] = analyseAll(which, items, threads);
                Arrays.sort(secs);
                double median = secs[rounds / 2];
                out.printf("analyse throughput (chunks of %d, as ingest runs), %s, %d thread(s): %,.0f items/s  %,.0f chars/s  (median of %d rounds)%n",
                        BatchRunner.CHUNK, which == e ? "rules + models" : "rules only", threads, items.size() / median,
                        chars / median, rounds);
            }
        }
        double[] indexSecs = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Path tmp = Files.createDirectories(engine.dataDir.resolve("bench")).resolve("index-" + r);
            try {
                indexSecs[r] = indexAll(e, items, engine.threads(), tmp);
            } finally {
                try (Stream<Path> files = Files.walk(tmp)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        Arrays.sort(indexSecs);
        out.printf("analyse + index to disk + commit, %d threads: %,.0f items/s (median of %d rounds, fresh index each)%n",
                engine.threads(), items.size() / indexSecs[rounds / 2], rounds);
        if (engine.config().emotionModels() != null) emotion(e, items, out);
        memory(out);
        return 0;
    }

    private static void memory(PrintStream out) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        out.printf("memory: heap used %,d MB after GC (max %,d MB); process RSS %s (engine with every shipped model loaded)%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, rss());
    }

    /**
     * The emotion stage alone (both ONNX models and the cue, intensity and severity arithmetic) on the items' own
     * cleaned text, tokens and risk flags: batched throughput per thread count, then one-item latency.
     */
    private void emotion(Engine e, List<Feedback> items, PrintStream out) throws Exception {
        EmotionScorer scorer = new EmotionScorer(engine.config().emotionModels());
        List<EmotionScorer.Input> inputs = new ArrayList<>(items.size());
        for (Feedback f : items) {
            Analysis a = e.analyse(f);
            inputs.add(new EmotionScorer.Input(a.clean(), a.tokens(), a.get(Keys.RISKS).tags()));
        }
        int batches = (inputs.size() + EMOTION_BATCH - 1) / EMOTION_BATCH;
        ItemWork batch = b -> scorer.score(inputs.subList(b * EMOTION_BATCH, Math.min(inputs.size(), (b + 1) * EMOTION_BATCH)));
        for (int b = 0; b < Math.min(batches, 50); b++) batch.run(b); // warm-up
        for (int threads = 1; threads <= engine.threads(); threads++) {
            double[] secs = new double[rounds];
            for (int r = 0; r < rounds; r++) secs[r] = timeParallel(threads, batches, batch);
            Arrays.sort(secs);
            out.printf("emotion scoring, batches of %d, %d thread(s): %,.0f items/s  (median of %d rounds)%n", EMOTION_BATCH,
                    threads, inputs.size() / secs[rounds / 2], rounds);
        }
        int n = Math.min(inputs.size(), 10_000);
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            scorer.score(List.of(inputs.get(i)));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        out.printf("emotion scoring latency, one item per call, 1 thread: p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms (%,d items)%n",
                pct(nanos, 0.50), pct(nanos, 0.90), pct(nanos, 0.99), nanos[n - 1] / 1e6, n);
    }

    private List<Feedback> load() throws IOException {
        Path file = inputFile;
        if (file == null) {
            file = engine.dataDir.resolve("demo").resolve(DemoDataGenerator.FEEDBACK_FILE);
            if (!Files.exists(file)) new DemoDataGenerator(DemoConfig.defaults()).generate(file.getParent());
        } else if (!Files.isRegularFile(file)) {
            throw new UserError("no such file: " + file);
        }
        List<Feedback> items = new ArrayList<>(count);
        try (IngestSource src = Sources.open(file, inputFile == null ? IngestOptions.defaults() : input.options())) {
            for (IngestRecord r; items.size() < count && (r = src.next()) != null; ) {
                if (r instanceof IngestRecord.Parsed p) items.add(domain == null ? p.feedback() : p.feedback().withDomain(domain));
            }
        }
        if (items.isEmpty()) throw new UserError("no items in " + file);
        return items;
    }

    /** Analyses the items in chunks of {@link BatchRunner#CHUNK}, stage by stage, as ingest and tag runs do. */
    private static double analyseAll(Engine e, List<Feedback> items, int threads) throws Exception {
        return timeParallel(threads, chunks(items), c -> e.analyseAll(chunk(items, c)));
    }

    private static double indexAll(Engine e, List<Feedback> items, int threads, Path dir) throws Exception {
        try (FeedbackIndexWriter w = FeedbackIndexWriter.open(dir, e.analyzer(), e.segmenter(), true)) {
            long t = System.nanoTime();
            timeParallel(threads, chunks(items), c -> {
                for (Outcome o : e.analyseAll(chunk(items, c))) if (o.analysis() != null) w.add(o.analysis());
            });
            w.commit();
            return (System.nanoTime() - t) / 1e9;
        }
    }

    private static int chunks(List<Feedback> items) {
        return (items.size() + BatchRunner.CHUNK - 1) / BatchRunner.CHUNK;
    }

    private static List<Feedback> chunk(List<Feedback> items, int c) {
        return items.subList(c * BatchRunner.CHUNK, Math.min(items.size(), (c + 1) * BatchRunner.CHUNK));
    }

    private interface ItemWork {
        void run(int index) throws Exception;
    }

    /** Runs {@code work} over item indexes 0..n-1, split into one contiguous part per thread; returns seconds. */
    private static double timeParallel(int threads, int n, ItemWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int p = 0; p < threads; p++) {
                int from = p * n / threads, to = (p + 1) * n / threads;
                parts.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) work.run(i);
                    return null;
                }));
            }
            for (Future<?> f : parts) f.get();
            return (System.nanoTime() - t) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
    }

    private static String rss() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS")).map(l -> l.replaceAll("\\s+", " ").substring(6).trim())
                    .findFirst().orElse("n/a");
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
