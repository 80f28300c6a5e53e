package io.vocengine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocengine.engine.Engine;
import io.vocengine.eval.TaggingDatasets;
import io.vocengine.eval.TaggingEvaluation;
import io.vocengine.eval.datasets.AspectMapping;
import io.vocengine.eval.gold.GoldItem;
import io.vocengine.eval.gold.GoldJsonl;
import io.vocengine.eval.metrics.Bootstrap;
import io.vocengine.eval.metrics.PairedComparison;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.eval.report.EvalReportWriter;
import io.vocengine.taxonomy.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code voc eval}: runs the engine over the held-out tagging test sets in the shared data folder and writes
 * {@code report.json} and {@code report.md}; with {@code --baseline} and {@code --gate}, exits 1 when a metric
 * dropped by more than its margin, so CI can block a regression.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate tagging accuracy on held-out public data, with bootstrap intervals; optional regression gate.")
final class EvalCommand implements Callable<Integer> {
    static final long SEED = 20261122L;

    @Mixin
    EngineOptions engine;

    @Option(names = "--data", defaultValue = "../shared/data", paramLabel = "DIR",
            description = "The public datasets folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--dataset", split = ",", paramLabel = "NAME",
            description = "Test sets to run (default: all): aichallenger2018-dev2, asap-test.")
    List<String> datasets = new ArrayList<>();

    @Option(names = "--gold", paramLabel = "FILE",
            description = "Evaluate on a gold file in the harness's JSON Lines format instead (with --domain).")
    Path gold;

    @Option(names = "--domain", paramLabel = "TAXONOMY", description = "The taxonomy a --gold file is labelled with.")
    String domain;

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: <data-dir>/eval).")
    Path out;

    @Option(names = "--resamples", defaultValue = "1000", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N items of each set (a quick gate).")
    Integer limit;

    @Option(names = "--baseline", paramLabel = "FILE", description = "A previous report.json to compare with.")
    Path baseline;

    @Option(names = "--gate", split = ",", paramLabel = "METRIC:MARGIN",
            description = "Fail (exit 1) when METRIC fell by more than MARGIN against --baseline, e.g. leafMicroF1:0.01.")
    List<String> gates = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        Engine e = engine.engine();
        List<TaggingDatasets.Dataset> chosen = gold != null ? List.of(goldDataset(e))
                : datasets.isEmpty() ? TaggingDatasets.ALL : datasets.stream().map(this::dataset).toList();
        for (TaggingDatasets.Dataset d : chosen) {
            if (gold == null && !Files.isRegularFile(data.resolve(d.file()))) {
                throw new UserError("test set " + d.name() + " not found at " + data.resolve(d.file())
                        + " (set --data to the public datasets folder)", 2);
            }
        }
        if (!gates.isEmpty() && baseline == null) throw new UserError("--gate needs --baseline FILE", 2);
        List<TaggingEvaluation.Report> reports = new ArrayList<>();
        for (TaggingDatasets.Dataset d : chosen) {
            List<GoldItem> items = gold != null ? loadGold(e) : d.load(data);
            if (limit != null) items = items.subList(0, Math.min(limit, items.size()));
            Taxonomy taxonomy = e.taxonomy(d.taxonomy());
            int total = items.size();
            reports.add(TaggingEvaluation.run(e, taxonomy, d, items, resamples, SEED, done -> {
                if (System.console() != null && (done % 50 == 0 || done == total)) {
                    err.printf("\reval %s: %d/%d", d.name(), done, total);
                }
            }));
            err.printf("%seval %s: %d items done%n", System.console() != null ? "\r" : "", d.name(), total);
        }
        ObjectNode report = EvalReportWriter.json(e.taxonomyVersions(), resamples, SEED, reports);
        JsonNode base = baseline == null ? null : Json.MAPPER.readTree(baseline.toFile());
        if (base != null) for (TaggingEvaluation.Report r : reports) compare(e, r, base, report);
        Path dir = out != null ? out : engine.dataDir.resolve("eval");
        for (TaggingEvaluation.Report r : reports) {
            Bootstrap.Interval leaf = r.metrics().get("leafMicroF1"), group = r.metrics().get("level1MicroF1");
            Bootstrap.Interval pol = r.metrics().get("polarityAccuracy"), macro = r.metrics().get("officialMacroF1");
            System.out.printf(Locale.ROOT, "%s (%d items): level-1 F1 %.3f [%.3f, %.3f]  leaf F1 %.3f [%.3f, %.3f]  "
                            + "polarity %.3f [%.3f, %.3f]  official macro-F1 %.3f [%.3f, %.3f]%n", r.dataset(), r.items(),
                    group.value(), group.low(), group.high(), leaf.value(), leaf.low(), leaf.high(),
                    pol.value(), pol.low(), pol.high(), macro.value(), macro.low(), macro.high());
        }
        EvalReportWriter.write(dir, report);
        System.out.println("reports: " + dir.resolve("report.json") + ", " + dir.resolve("report.md") + ", "
                + dir.resolve("report.html"));
        return base == null ? 0 : gate(report, base);
    }

    /** Node-by-node paired comparison with the baseline run, on the items both runs scored. */
    private void compare(Engine e, TaggingEvaluation.Report r, JsonNode base, ObjectNode report) {
        Map<String, Map<String, Polarity>> before = EvalReportWriter.predictions(base, r.dataset());
        List<GoldItem> gold = new ArrayList<>();
        List<Map<String, Polarity>> was = new ArrayList<>(), now = new ArrayList<>();
        for (int i = 0; i < r.gold().size(); i++) {
            Map<String, Polarity> b = before.get(r.gold().get(i).id());
            if (b == null) continue;
            gold.add(r.gold().get(i));
            was.add(b);
            now.add(r.predicted().get(i));
        }
        if (gold.isEmpty()) return;
        TaggingDatasets.Dataset d = TaggingDatasets.named(r.dataset());
        List<PairedComparison.Change> changes = PairedComparison.compare(e.taxonomy(d.taxonomy()), d.mapping().nodes(),
                gold, was, now, resamples, SEED);
        EvalReportWriter.addComparison(report, r.dataset(), changes);
        for (PairedComparison.Change c : changes) {
            if (c.significant()) {
                System.out.printf(Locale.ROOT, "%s %s: F1 %.3f -> %.3f (%+.3f, p=%.3f)%n", r.dataset(), c.node(),
                        c.baseline(), c.current(), c.delta(), c.pValue());
            }
        }
    }

    /** A --gold file as a dataset: every node of its taxonomy is evaluated as itself. */
    private TaggingDatasets.Dataset goldDataset(Engine e) {
        if (domain == null) throw new UserError("--gold needs --domain TAXONOMY", 2);
        if (!Files.isRegularFile(gold)) throw new UserError("no such gold file: " + gold, 2);
        Taxonomy t;
        try {
            t = e.taxonomy(domain);
        } catch (IllegalArgumentException unknown) {
            throw new UserError(unknown.getMessage(), 2);
        }
        return new TaggingDatasets.Dataset(gold.getFileName().toString(), gold.toString(), domain,
                AspectMapping.identity(domain, List.copyOf(t.nodes().keySet())), file -> GoldJsonl.read(file, t));
    }

    private List<GoldItem> loadGold(Engine e) throws java.io.IOException {
        try {
            return GoldJsonl.read(gold, e.taxonomy(domain));
        } catch (java.io.IOException bad) {
            throw new UserError(bad.getMessage(), 2);
        }
    }

    private TaggingDatasets.Dataset dataset(String name) {
        try {
            return TaggingDatasets.named(name);
        } catch (IllegalArgumentException unknown) {
            throw new UserError(unknown.getMessage(), 2);
        }
    }

    /** 1 when any gated metric fell by more than its margin in any dataset both reports hold; 0 otherwise. */
    private int gate(JsonNode current, JsonNode base) {
        int status = 0;
        for (String g : gates) {
            String[] mm = g.split(":");
            if (mm.length != 2 || !Bootstrap.METRICS.containsKey(mm[0])) {
                throw new UserError("--gate wants METRIC:MARGIN with METRIC one of " + Bootstrap.METRICS.keySet(), 2);
            }
            double margin = Double.parseDouble(mm[1]);
            for (JsonNode d : current.path("datasets")) {
                String name = d.path("name").asText();
                double now = EvalReportWriter.metric(current, name, mm[0]), before = EvalReportWriter.metric(base, name, mm[0]);
                if (Double.isNaN(before)) continue;
                boolean failed = now < before - margin;
                System.out.printf(Locale.ROOT, "gate %s %s: %.4f vs baseline %.4f (margin %.4f): %s%n", name, mm[0], now,
                        before, margin, failed ? "FAILED" : "ok");
                if (failed) status = 1;
            }
        }
        return status;
    }
}
