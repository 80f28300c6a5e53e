package io.vocengine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocengine.engine.Engine;
import io.vocengine.eval.TaggingDatasets;
import io.vocengine.eval.TaggingEvaluation;
import io.vocengine.engine.emotion.EmotionModels;
import io.vocengine.eval.ClassifierEvaluation;
import io.vocengine.eval.IntensityEvaluation;
import io.vocengine.eval.datasets.Asap;
import io.vocengine.engine.model.Emotion;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.pipeline.StageException;
import io.vocengine.engine.run.Progress;
import io.vocengine.eval.datasets.AspectMapping;
import io.vocengine.eval.datasets.LabelledTexts;
import io.vocengine.eval.datasets.Splits;
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
            description = "Test sets to run (default: all): aichallenger2018-dev2, asap-test (tagging); online-shopping-test, "
                    + "waimai-test (polarity); smp2020-general-test, smp2020-covid-test, nlpcc2013-test (emotion); "
                    + "asap-intensity (intensity against star ratings).")
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
        if (!gates.isEmpty() && baseline == null) throw new UserError("--gate needs --baseline FILE", 2);
        Map<String, Double> margins = gateMargins(); // checked before anything runs, not after a whole evaluation
        Engine e = engine.engine();
        List<String> classSets = datasets.isEmpty() && gold == null ? List.copyOf(CLASS_SETS.keySet())
                : datasets.stream().filter(CLASS_SETS::containsKey).toList();
        List<TaggingDatasets.Dataset> chosen = gold != null ? List.of(goldDataset(e))
                : datasets.isEmpty() ? TaggingDatasets.ALL
                : datasets.stream().filter(n -> !CLASS_SETS.containsKey(n) && !n.equals(INTENSITY_SET)).map(this::dataset).toList();
        for (TaggingDatasets.Dataset d : chosen) {
            if (gold == null && !Files.isRegularFile(data.resolve(d.file()))) {
                throw new UserError("test set " + d.name() + " not found at " + data.resolve(d.file())
                        + " (set --data to the public datasets folder)", 2);
            }
        }
        List<TaggingEvaluation.Report> reports = new ArrayList<>();
        for (TaggingDatasets.Dataset d : chosen) {
            List<GoldItem> items = gold != null ? loadGold(e) : d.load(data);
            if (limit != null) items = items.subList(0, Math.min(limit, items.size()));
            Taxonomy taxonomy = e.taxonomy(d.taxonomy());
            int total = items.size();
            Progress progress = Progress.stderr("eval " + d.name());
            reports.add(TaggingEvaluation.run(e, taxonomy, d, items, resamples, SEED, done -> progress.update(done, done, total)));
            progress.finish(total, total, total);
        }
        ObjectNode report = EvalReportWriter.json(e.taxonomyVersions(), resamples, SEED, reports);
        List<ClassifierEvaluation.Report> classified = classify(e, classSets);
        if (!classified.isEmpty()) EvalReportWriter.addClassification(report, classified);
        IntensityEvaluation.Report intensity = (datasets.isEmpty() && gold == null) || datasets.contains(INTENSITY_SET) ? intensity(e) : null;
        if (intensity != null) EvalReportWriter.addIntensity(report, intensity);
        JsonNode base = baseline == null ? null : Json.MAPPER.readTree(baseline.toFile());
        if (base != null) for (TaggingEvaluation.Report r : reports) compare(e, r, base, report);
        if (base != null) for (ClassifierEvaluation.Report r : classified) compare(r, base, report);
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
        for (ClassifierEvaluation.Report r : classified) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s (%d items, %s):", r.dataset(), r.items(), r.model()));
            r.metrics().forEach((name, m) -> line.append(m.low() == m.high() && m.low() == m.value()
                    ? String.format(Locale.ROOT, "  %s %.4f", name, m.value())
                    : String.format(Locale.ROOT, "  %s %.4f [%.4f, %.4f]", name, m.value(), m.low(), m.high())));
            System.out.println(line);
        }
        if (intensity != null) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s (%d items): intensity vs stars", intensity.dataset(), intensity.items()));
            intensity.metrics().forEach((name, m) -> line.append(String.format(Locale.ROOT, "  %s %.3f [%.3f, %.3f]", name, m.value(), m.low(), m.high())));
            System.out.println(line);
        }
        System.out.println("reports: " + dir.resolve("report.json") + ", " + dir.resolve("report.md") + ", "
                + dir.resolve("report.html"));
        return base == null ? 0 : gate(report, base, margins);
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

    /**
     * A document-classification test set: dataset file, committed split folder (null: the whole file is the test
     * set), adapter, the labels scored, and whether the emotion stage (else the polarity model) answers.
     */
    private record ClassSet(String file, String splits, Reader reader, List<String> labels, boolean emotion) {
    }

    private interface Reader {
        List<LabelledTexts.Item> read(Path file) throws java.io.IOException;
    }

    private static final List<String> POLARITY = List.of("negative", "positive");
    private static final List<String> SMP_EMOTIONS = List.of("joy", "anger", "sadness", "fear", "surprise", "neutral");
    private static final List<String> NLPCC_EMOTIONS = List.of("joy", "like", "anger", "sadness", "fear", "disgust", "surprise", "neutral");
    private static final Map<String, ClassSet> CLASS_SETS = new java.util.LinkedHashMap<>();

    static {
        CLASS_SETS.put("online-shopping-test", new ClassSet("online-shopping-10-cats/online_shopping_10_cats.csv",
                "online-shopping-10-cats", LabelledTexts::onlineShopping, POLARITY, false));
        CLASS_SETS.put("waimai-test", new ClassSet("waimai-10k/waimai_10k.csv", "waimai-10k", LabelledTexts::waimai, POLARITY, false));
        CLASS_SETS.put("smp2020-general-test", new ClassSet("smp2020-ewect/usual_test_labeled.txt", null,
                LabelledTexts::smp2020, SMP_EMOTIONS, true));
        CLASS_SETS.put("smp2020-covid-test", new ClassSet("smp2020-ewect/virus_test_labeled.txt", null,
                LabelledTexts::smp2020, SMP_EMOTIONS, true));
        CLASS_SETS.put("nlpcc2013-test", new ClassSet("nlpcc2013-weibo-emotion/Nlpcc2013Train.tsv", "nlpcc2013-weibo-emotion",
                LabelledTexts::nlpcc2013, NLPCC_EMOTIONS, true));
    }

    /**
     * Each chosen set's test items through the engine's polarity model (read as the emotion stage reads it, a long
     * text at its head and tail), or through the whole engine for emotion (so that the cleaner's cues count, as they do in
     * production); none when the engine has no emotion models.
     */
    private List<ClassifierEvaluation.Report> classify(Engine e, List<String> sets) throws java.io.IOException {
        if (sets.isEmpty() || e.emotionLabels().isEmpty()) return List.of();
        EmotionModels models = EmotionModels.shipped(); // the engine's own: it has emotion models, so the shipped ones
        List<ClassifierEvaluation.Report> out = new ArrayList<>();
        for (String name : sets.stream().sorted().toList()) {
            ClassSet set = CLASS_SETS.get(name);
            Path file = data.resolve(set.file());
            if (!Files.isRegularFile(file)) throw new UserError("test set " + name + " not found at " + file, 2);
            List<LabelledTexts.Item> test = set.reader().read(file);
            if (set.splits() != null) test = LabelledTexts.select(test, Splits.read(splitsDir().resolve(set.splits()), "test"));
            if (limit != null) test = test.subList(0, Math.min(limit, test.size()));
            ClassifierEvaluation.Scorer scorer = set.emotion() ? texts -> emotions(e, texts, set.labels())
                    : ClassifierEvaluation.Scorer.of(models::readPolarity);
            String model = (set.emotion() ? models.emotion() : models.polarity()).stamp();
            int total = test.size();
            Progress progress = Progress.stderr("eval " + name);
            out.add(ClassifierEvaluation.run(name, model, set.labels(), test, scorer, resamples, SEED,
                    done -> progress.update(done, done, total)));
            progress.finish(total, total, total);
        }
        return out;
    }

    /**
     * The engine's emotion scores of each text over the set's labels, normalised to sum to one (the model's labels
     * are independent sigmoids; a set scores one label per item). An item the engine cannot analyse scores uniform.
     */
    private static List<double[]> emotions(Engine e, List<String> texts, List<String> labels) {
        List<double[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            double[] v = new double[labels.size()];
            try {
                Emotion em = e.analyse(new Feedback("eval", t, null, null, null, null, null, null, null, null, null, null,
                        Map.of())).get(Keys.EMOTION);
                for (int i = 0; i < v.length; i++) v[i] = em.scores().get(labels.get(i));
            } catch (StageException unreadable) {
                java.util.Arrays.fill(v, 1);
            }
            double sum = java.util.Arrays.stream(v).sum();
            for (int i = 0; i < v.length; i++) v[i] = sum > 0 ? v[i] / sum : 1.0 / v.length;
            out.add(v);
        }
        return out;
    }

    static final String INTENSITY_SET = "asap-intensity";
    private static final List<String> ASAP_FILES = List.of("train_sample.csv", "dev_sample.csv", "test_sample.csv");

    /**
     * Intensity against the star ratings of all ASAP sample rows: no part of the emotion stage was fitted to them
     * (the intensity weights are a hand-set prior), so all three files are held out for this purpose.
     */
    private IntensityEvaluation.Report intensity(Engine e) throws java.io.IOException {
        if (e.emotionLabels().isEmpty()) return null;
        List<LabelledTexts.Item> items = new ArrayList<>();
        for (String f : ASAP_FILES) {
            Path file = data.resolve("asap-sample").resolve(f);
            if (!Files.isRegularFile(file)) throw new UserError("test set " + INTENSITY_SET + " not found at " + file, 2);
            items.addAll(Asap.stars(file));
        }
        if (limit != null) items = items.subList(0, Math.min(limit, items.size()));
        return IntensityEvaluation.run(INTENSITY_SET, items, t -> e.analyse(new Feedback("eval", t, null, null, null, null,
                null, null, null, null, null, null, Map.of())).get(Keys.EMOTION), resamples, SEED);
    }

    /** Accuracy and macro-F1 against the baseline's predictions on the same items, with paired-bootstrap p. */
    private void compare(ClassifierEvaluation.Report r, JsonNode base, ObjectNode report) {
        List<ClassifierEvaluation.Prediction> before = EvalReportWriter.classPredictions(base, r.dataset());
        if (before.isEmpty()) return;
        List<ClassifierEvaluation.Change> changes = ClassifierEvaluation.compare(r.labels(), before, r.predictions(), resamples, SEED);
        EvalReportWriter.addClassificationComparison(report, r.dataset(), changes);
        for (ClassifierEvaluation.Change c : changes) {
            System.out.printf(Locale.ROOT, "%s %s: %.4f -> %.4f (%+.4f, p=%.3f, %d items)%n", r.dataset(), c.metric(),
                    c.baseline(), c.current(), c.delta(), c.pValue(), c.items());
        }
    }

    /** The committed split lists: eval/splits in the working directory or the nearest folder above it. */
    private Path splitsDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("eval/splits"))) return dir.resolve("eval/splits");
        }
        throw new UserError("eval/splits not found: run voc eval inside the repository", 2);
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

    /** The --gate options, metric to margin. */
    private Map<String, Double> gateMargins() {
        List<String> known = new ArrayList<>(Bootstrap.METRICS.keySet());
        known.addAll(List.of("accuracy", "macroF1", "emotionMacroF1"));
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String g : gates) {
            String[] mm = g.split(":");
            if (mm.length != 2 || !known.contains(mm[0])) {
                throw new UserError("--gate " + g + ": wants METRIC:MARGIN with METRIC one of " + known, 2);
            }
            try {
                double margin = Double.parseDouble(mm[1]);
                if (!(margin >= 0)) throw new NumberFormatException();
                out.put(mm[0], margin);
            } catch (NumberFormatException e) {
                throw new UserError("--gate " + g + ": the margin must be a number of at least 0", 2);
            }
        }
        return out;
    }

    /**
     * 1 when any gated metric fell by more than its margin in any dataset both reports hold; 0 otherwise. A set the
     * two runs scored on different numbers of items (another --limit) is refused: its figures are not comparable.
     */
    private int gate(JsonNode current, JsonNode base, Map<String, Double> margins) {
        if (margins.isEmpty()) return 0; // --baseline alone compares item by item, on the items both runs scored
        for (String name : EvalReportWriter.sets(current)) {
            int now = EvalReportWriter.items(current, name), before = EvalReportWriter.items(base, name);
            if (before > 0 && now != before) {
                throw new UserError("gate " + name + ": the baseline scored " + before + " items, this run " + now
                        + "; gate against a baseline made with the same --limit", 2);
            }
        }
        int status = 0;
        for (Map.Entry<String, Double> m : margins.entrySet()) {
            for (String name : EvalReportWriter.sets(current)) {
                double now = EvalReportWriter.metric(current, name, m.getKey()), before = EvalReportWriter.metric(base, name, m.getKey());
                if (Double.isNaN(before) || Double.isNaN(now)) continue;
                boolean failed = now < before - m.getValue();
                System.out.printf(Locale.ROOT, "gate %s %s: %.4f vs baseline %.4f (margin %.4f): %s%n", name, m.getKey(), now,
                        before, m.getValue(), failed ? "FAILED" : "ok");
                if (failed) status = 1;
            }
        }
        return status;
    }
}
