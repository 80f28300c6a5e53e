package io.vocengine.cli;

import io.vocengine.engine.Engine;
import io.vocengine.engine.demo.DemoConfig;
import io.vocengine.engine.demo.DemoDataGenerator;
import io.vocengine.engine.demo.DemoSummary;
import io.vocengine.engine.index.FeedbackSearcher;
import io.vocengine.engine.index.SearchRequest;
import io.vocengine.engine.ingest.IngestOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code voc demo}: the main job on embedded data: generate, analyse, index, search. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate synthetic Chinese feedback and operational records, run the whole pipeline, index it and show searches.")
final class DemoCommand implements Callable<Integer> {
    /** Words search the text as written (包装没有破损 matches too); a tag filter keeps only what the tagger found. */
    private static final List<Sample> SAMPLES = List.of(
            new Sample("包装 破损", List.of(), false),
            new Sample("包装 破损", List.of("ecommerce.logistics.packaging.damaged"), false),
            new Sample("屏幕 碎", List.of(), false),
            new Sample("", List.of("risk.churn"), true));

    /** @param bySeverity most severe first: what a VoC team works through each morning */
    private record Sample(String query, List<String> tags, boolean bySeverity) {
        String command() {
            return "voc search" + (query.isEmpty() ? "" : " " + query) + (tags.isEmpty() ? "" : " --tag " + String.join(",", tags))
                    + (bySeverity ? " --by-severity" : "") + " -n 3";
        }

        SearchRequest request() {
            return new SearchRequest(query, tags, List.of(), List.of(), 3, bySeverity);
        }
    }

    @Mixin
    EngineOptions engine;

    @Option(names = "--count", paramLabel = "N", description = "Feedback items to generate (default: 60,000).")
    Integer count;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: fixed, so runs are identical).")
    Long seed;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        DemoConfig defaults = DemoConfig.defaults();
        DemoConfig config;
        try {
            config = DemoConfig.of(seed == null ? defaults.seed() : seed, count == null ? defaults.feedbackCount() : count);
        } catch (IllegalArgumentException bad) {
            throw new UserError(bad.getMessage());
        }
        Path demoDir = engine.dataDir.resolve("demo");
        long t0 = System.nanoTime();
        DemoSummary generated = new DemoDataGenerator(config).generate(demoDir);
        err.printf("generated demo data in %s (%.1f s): %s; feedback by domain %s%n", demoDir,
                (System.nanoTime() - t0) / 1e9, generated.rows(), generated.feedbackByDomain());
        err.println("planted effects for root-cause analysis: " + demoDir.resolve("effects.json"));

        Engine e = engine.engine();
        // The demo owns its index: rebuilt each run, so its counts describe exactly the data just generated.
        IngestRun.run(e, demoDir.resolve(DemoDataGenerator.FEEDBACK_FILE), IngestOptions.defaults(), engine.dataDir,
                engine.threads(), true, err);

        PrintStream out = System.out;
        SearchPrinter printer = new SearchPrinter(out, Boolean.getBoolean("voc.tty"));
        try (FeedbackSearcher searcher = FeedbackSearcher.open(engine.indexDir(), e.analyzer())) {
            for (Sample sample : SAMPLES) {
                out.println();
                out.println("$ " + sample.command());
                printer.print(sample.query(), searcher.search(sample.request()));
            }
        }
        out.println();
        out.println("Next: ./voc search 物流 慢 --channel complaint    ./voc search --tag phone.quality.system\n"
                + "      ./voc search --emotion anger --by-severity    ./voc search --tag risk.churn --by-severity\n"
                + "      echo '{\"id\":\"1\",\"text\":\"物流太慢了，盒子都压扁了\"}' | ./voc tag");
        return 0;
    }
}
