package io.vocengine.eval.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocengine.engine.Engine;
import io.vocengine.engine.bundle.ModelBundle;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.onnx.OnnxTextModel;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.tag.AspectPolarityFeatures;
import io.vocengine.engine.tag.AspectPolarityModel;
import io.vocengine.engine.tag.AspectPolarityNetwork;
import io.vocengine.eval.datasets.AiChallenger2018;
import io.vocengine.eval.gold.GoldItem;
import io.vocengine.eval.metrics.Bootstrap;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Trains the aspect-polarity model of a taxonomy from an aspect dataset (AI Challenger 2018 layout): the rules find
 * aspect tags in each training review, and each tag whose node has no fixed polarity becomes one example labelled
 * with the gold polarity of its aspect. The L2 cost is chosen by 5-fold cross-validation over reviews (seeded), then
 * the model is trained on all of them and written as a bundle with its manifest. Deterministic: same data, same
 * bundle bytes.
 */
public final class AspectPolarityTrainer {
    public static final long SEED = 20261122L;
    private static final double[] L2_COSTS = {1, 2, 4, 8, 16, 32, 64};
    private static final int FOLDS = 5;

    private final Taxonomy taxonomy;
    private final PrintStream log;
    private final OnnxTextModel clausePolarity;
    private final AspectPolarityNetwork network;

    /**
     * @param clausePolarity the shipped document-polarity model, whose clause probabilities become features
     * @param network        the shipped aspect network whose reading of each review becomes features; null for none.
     *                       Its readings of the training reviews are its out-of-fold ones, so the model learns how
     *                       far to trust it on reviews it has not seen
     */
    public AspectPolarityTrainer(Taxonomy taxonomy, OnnxTextModel clausePolarity, AspectPolarityNetwork network, PrintStream log) {
        this.taxonomy = taxonomy;
        this.clausePolarity = clausePolarity;
        this.network = network;
        this.log = log;
    }

    /** One review's examples; cross-validation splits by review, so a review never trains and tests at once. */
    private record Review(List<Event> events) {
    }

    public void train(Path trainFile, Path bundleDir) throws IOException {
        Engine engine = TrainingRun.rulesOnly(taxonomy);
        List<GoldItem> gold = AiChallenger2018.read(trainFile);
        Map<String, AspectPolarityNetwork.Reading> readings = network == null ? Map.of() : outOfFold(trainFile);
        Set<String> evaluated = new HashSet<>(AiChallenger2018.MAPPING.nodes());
        List<Review> reviews = new ArrayList<>();
        for (GoldItem g : gold) {
            if (network != null && !readings.containsKey(g.id())) {
                throw new IOException("the out-of-fold readings of " + network.stamp() + " have no line for " + g.id());
            }
            reviews.add(new Review(events(engine, g, evaluated, readings.get(g.id()))));
        }
        int examples = reviews.stream().mapToInt(r -> r.events().size()).sum();
        log.printf(Locale.ROOT, "%d reviews, %d aspect-tag examples%n", reviews.size(), examples);

        List<Review> shuffled = new ArrayList<>(reviews);
        Collections.shuffle(shuffled, new Random(SEED));
        double bestCost = L2_COSTS[0];
        CrossValidation best = null;
        Map<Double, Double> cv = new HashMap<>();
        for (double cost : L2_COSTS) {
            CrossValidation run = crossValidate(shuffled, cost);
            cv.put(cost, run.accuracy());
            log.printf(Locale.ROOT, "L2 %.2f: %d-fold cross-validated accuracy %.4f%n", cost, FOLDS, run.accuracy());
            if (best == null || run.accuracy() > best.accuracy()) {
                best = run;
                bestCost = cost;
            }
        }
        List<Event> all = new ArrayList<>();
        reviews.forEach(r -> all.addAll(r.events()));
        writeBundle(bundleDir, serialise(fit(all, bestCost)), trainFile, reviews.size(), examples, bestCost, cv, best);
        log.printf(Locale.ROOT, "chose L2 %.2f (cross-validated accuracy %.4f [%.4f, %.4f]); wrote %s%n", bestCost,
                best.accuracy(), best.interval().low(), best.interval().high(), bundleDir);
    }

    /**
     * Out-of-fold results of one L2 cost: per review (in {@code shuffled} order) how many of its examples were right,
     * and the confusion of gold (rows) and predicted (columns) polarities in {@link Polarity} order.
     */
    private record CrossValidation(int[] right, int[] total, int[][] confusion) {
        double accuracy() {
            return (double) IntStream.of(right).sum() / IntStream.of(total).sum();
        }

        /** 95% bootstrap interval over reviews (1,000 resamples, seeded), as the eval harness computes it. */
        Bootstrap.Interval interval() {
            double[] samples = new double[1000];
            Bootstrap.forEachResample(right.length, samples.length, SEED, (pick, s) -> {
                long r = 0, t = 0;
                for (int i : pick) {
                    r += right[i];
                    t += total[i];
                }
                samples[s] = (double) r / Math.max(1, t);
            });
            return Bootstrap.interval(accuracy(), samples);
        }
    }

    private static CrossValidation crossValidate(List<Review> shuffled, double cost) throws IOException {
        int[] right = new int[shuffled.size()], total = new int[shuffled.size()];
        int[][] confusion = new int[Polarity.values().length][Polarity.values().length];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Event> train = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) if (i % FOLDS != fold) train.addAll(shuffled.get(i).events());
            MaxentModel m = fit(train, cost);
            for (int i = fold; i < shuffled.size(); i += FOLDS) {
                for (Event e : shuffled.get(i).events()) {
                    String predicted = m.getBestOutcome(m.eval(e.getContext()));
                    total[i]++;
                    if (predicted.equals(e.getOutcome())) right[i]++;
                    confusion[Polarity.valueOf(e.getOutcome()).ordinal()][Polarity.valueOf(predicted).ordinal()]++;
                }
            }
        }
        return new CrossValidation(right, total, confusion);
    }

    /**
     * The network's out-of-fold readings of the training file, by item id ({@code train2.tsv:<line>}).
     *
     * @throws IOException when the network's readings are of another training file
     */
    private Map<String, AspectPolarityNetwork.Reading> outOfFold(Path trainFile) throws IOException {
        String name = network.name();
        byte[] file = ModelBundle.shipped(name).file(AspectPolarityNetwork.OUT_OF_FOLD_FILE);
        String[] lines = new String(file, StandardCharsets.UTF_8).split("\n");
        String sha = ModelBundle.sha256(Files.readAllBytes(trainFile));
        if (!lines[0].contains(sha)) {
            throw new IOException("the out-of-fold readings of " + network.stamp() + " are of another training file than "
                    + trainFile + " (sha256 " + sha + "): train with --aspect-network none, or retrain the network on it");
        }
        Map<String, AspectPolarityNetwork.Reading> out = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split("\t");
            float[] p = new float[cells.length - 1];
            try {
                for (int k = 1; k < cells.length; k++) p[k - 1] = Float.parseFloat(cells[k]);
                out.put(trainFile.getFileName() + ":" + cells[0], network.reading(taxonomy, p));
            } catch (IllegalArgumentException e) {
                throw new IOException(name + "/" + AspectPolarityNetwork.OUT_OF_FOLD_FILE + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    private List<Event> events(Engine engine, GoldItem g, Set<String> evaluated, AspectPolarityNetwork.Reading reading) {
        Analysis a = TrainingRun.analyse(engine, taxonomy, g);
        AspectPolarityFeatures features = new AspectPolarityFeatures(a, engine.segmenter(), clausePolarity, reading);
        List<Event> out = new ArrayList<>();
        for (Tag t : a.get(Keys.RULE_TAGS).tags()) {
            if (taxonomy.node(t.nodeId()).polarity() != null) continue; // fixed polarity: the model never decides it
            Polarity label = goldPolarity(t.nodeId(), g, evaluated);
            if (label != null) out.add(new Event(label.name(), features.of(t)));
        }
        return out;
    }

    /** The gold polarity of the evaluated node at or above the tag's node; null when gold does not mention it. */
    private Polarity goldPolarity(String nodeId, GoldItem g, Set<String> evaluated) {
        List<String> path = taxonomy.pathIds(nodeId);
        for (int i = path.size() - 1; i >= 0; i--) {
            if (evaluated.contains(path.get(i))) return g.aspects().get(path.get(i));
        }
        return null;
    }

    /** A model in OpenNLP's binary format, as a bundle file. */
    static byte[] serialise(AbstractModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            new GenericModelWriter(model, out).persist();
        }
        return bytes.toByteArray();
    }

    static AbstractModel fit(List<Event> events, double l2) throws IOException {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        p.put(TrainingParameters.CUTOFF_PARAM, 1);
        p.put(TrainingParameters.ITERATIONS_PARAM, 300);
        p.put(TrainingParameters.THREADS_PARAM, 1);
        p.put(QNTrainer.L1COST_PARAM, 0.0);
        p.put(QNTrainer.L2COST_PARAM, l2);
        EventTrainer trainer = TrainerFactory.getEventTrainer(p, null);
        PrintStream err = System.out; // OpenNLP reports each iteration on stdout; keep the training log readable
        System.setOut(new PrintStream(PrintStream.nullOutputStream()));
        try {
            return (AbstractModel) trainer.train(ObjectStreamUtils.createObjectStream(events));
        } finally {
            System.setOut(err);
        }
    }

    private void writeBundle(Path dir, byte[] model, Path trainFile, int reviews, int examples, double l2,
                             Map<Double, Double> cv, CrossValidation chosen) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(AspectPolarityModel.FILE), model);
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = json.createObjectNode();
        String sha = ModelBundle.sha256(model);
        m.put("name", dir.getFileName().toString());
        m.put("kind", AspectPolarityModel.KIND);
        m.put("version", sha.substring(0, 12));
        TrainingRun.describe(m, taxonomy, trainFile, reviews);
        m.put("clausePolarity", clausePolarity.stamp());
        if (network != null) m.put("aspectNetwork", network.stamp());
        m.with("trainingData").put("examples", examples);
        ObjectNode params = m.putObject("parameters");
        params.put("algorithm", "OpenNLP MAXENT_QN (L-BFGS logistic regression)");
        params.put("l2", l2);
        params.put("l1", 0.0);
        params.put("cutoff", 1);
        params.put("seed", SEED);
        ObjectNode metrics = m.putObject("metrics");
        ArrayNode cvNode = metrics.putArray("crossValidatedAccuracyByL2");
        cv.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> cvNode.addObject()
                .put("l2", e.getKey()).put("accuracy", round(e.getValue())));
        Bootstrap.Interval interval = chosen.interval();
        metrics.putObject("crossValidatedAccuracy").put("value", round(interval.value())).put("low", round(interval.low()))
                .put("high", round(interval.high())).put("bootstrap", "95% percentile over reviews, 1,000 resamples, seed " + SEED);
        ObjectNode confusion = metrics.putObject("crossValidatedConfusion");
        for (Polarity gold : Polarity.values()) {
            ObjectNode row = confusion.putObject(gold.name());
            for (Polarity predicted : Polarity.values()) row.put(predicted.name(), chosen.confusion()[gold.ordinal()][predicted.ordinal()]);
        }
        m.putObject("files").put(AspectPolarityModel.FILE, sha);
        Files.writeString(dir.resolve("manifest.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
        Files.writeString(dir.resolve("MODEL_CARD.md"), AspectPolarityCard.of(m, chosen.confusion(), FOLDS));
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
