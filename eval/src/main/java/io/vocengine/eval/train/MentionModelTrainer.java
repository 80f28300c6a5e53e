package io.vocengine.eval.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocengine.engine.Engine;
import io.vocengine.engine.bundle.ModelBundle;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.tag.MentionFeatures;
import io.vocengine.engine.tag.MentionModel;
import io.vocengine.engine.tag.RuleTagger;
import io.vocengine.eval.datasets.AiChallenger2018;
import io.vocengine.eval.gold.GoldItem;
import io.vocengine.eval.metrics.Prf;
import io.vocengine.taxonomy.Taxonomy;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.Map;

/**
 * Trains the node-mention models of a taxonomy from an aspect dataset: per evaluated node, a logistic regression on
 * {@link MentionFeatures} of every training review (mentioned or not). Out-of-fold probabilities from a seeded
 * 5-fold cross-validation pick each node's threshold for the F1 of "rules or model"; a node the model does not
 * improve is left out of the bundle. Deterministic.
 */
public final class MentionModelTrainer {
    private static final int FOLDS = 5;
    private static final double L2 = 2.0;

    private final Taxonomy taxonomy;
    private final PrintStream log;

    public MentionModelTrainer(Taxonomy taxonomy, PrintStream log) {
        this.taxonomy = taxonomy;
        this.log = log;
    }

    private record Review(String[] features, Set<String> covered, Set<String> gold) {
    }

    /** Per rule kind, [tags, tags whose evaluated aspect the gold mentions]. */
    private final Map<String, int[]> ruleKinds = new TreeMap<>();

    public void train(Path trainFile, Path bundleDir) throws IOException {
        Engine engine = TrainingRun.rulesOnly(taxonomy);
        List<Review> reviews = new ArrayList<>();
        for (GoldItem g : AiChallenger2018.read(trainFile)) {
            Analysis a = TrainingRun.analyse(engine, taxonomy, g);
            Set<String> covered = new HashSet<>();
            for (Tag t : a.get(Keys.RULE_TAGS).tags()) {
                covered.addAll(taxonomy.pathIds(t.nodeId()));
                countRuleKind(t, g);
            }
            reviews.add(new Review(MentionFeatures.of(a), covered, g.aspects().keySet()));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < reviews.size(); i++) order.add(i);
        Collections.shuffle(order, new Random(AspectPolarityTrainer.SEED));

        Files.createDirectories(bundleDir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = json.createObjectNode();
        ObjectNode nodes = json.createObjectNode();
        StringBuilder version = new StringBuilder();
        for (String node : AiChallenger2018.MAPPING.nodes()) {
            double[] outOfFold = new double[reviews.size()];
            for (int fold = 0; fold < FOLDS; fold++) {
                List<Event> train = new ArrayList<>();
                for (int k = 0; k < order.size(); k++) if (k % FOLDS != fold) train.add(event(reviews.get(order.get(k)), node));
                MaxentModel m = AspectPolarityTrainer.fit(train, L2);
                for (int k = fold; k < order.size(); k += FOLDS) {
                    Review r = reviews.get(order.get(k));
                    outOfFold[order.get(k)] = m.eval(r.features())[m.getIndex(MentionModel.YES)];
                }
            }
            Prf rulesOnly = score(reviews, node, outOfFold, 2);
            double best = 2;
            Prf bestScore = rulesOnly;
            for (int t = 30; t <= 95; t += 5) {
                Prf s = score(reviews, node, outOfFold, t / 100.0);
                if (s.f1() > bestScore.f1() + 0.005) {
                    bestScore = s;
                    best = t / 100.0;
                }
            }
            log.printf(Locale.ROOT, "%-45s rules F1 %.3f -> with model %.3f (threshold %s)%n", node, rulesOnly.f1(),
                    bestScore.f1(), best > 1 ? "none: left out" : String.format(Locale.ROOT, "%.2f", best));
            if (best > 1) continue;
            List<Event> all = new ArrayList<>();
            for (Review r : reviews) all.add(event(r, node));
            byte[] bytes = AspectPolarityTrainer.serialise((AbstractModel) AspectPolarityTrainer.fit(all, L2));
            String file = node + ".bin";
            Files.write(bundleDir.resolve(file), bytes);
            String sha = ModelBundle.sha256(bytes);
            version.append(sha);
            manifest.with("files").put(file, sha);
            nodes.putObject(node).put("file", file).put("threshold", best)
                    .put("cvF1RulesOnly", round(rulesOnly.f1())).put("cvF1WithModel", round(bestScore.f1()));
        }
        manifest.put("name", bundleDir.getFileName().toString());
        manifest.put("kind", MentionModel.KIND);
        manifest.put("version", ModelBundle.sha256(version.toString().getBytes()).substring(0, 12));
        TrainingRun.describe(manifest, taxonomy, trainFile, reviews.size());
        manifest.putObject("parameters").put("algorithm", "OpenNLP MAXENT_QN per node").put("l2", L2)
                .put("folds", FOLDS).put("seed", AspectPolarityTrainer.SEED);
        manifest.set("nodes", nodes);
        ObjectNode calibration = manifest.putObject("ruleConfidence"); // kinds seen at least 20 times
        ruleKinds.forEach((kind, c) -> {
            if (c[0] >= 20) calibration.put(kind, round((double) c[1] / c[0]));
        });
        log.println("rule precision by kind on the training data: " + calibration);
        Files.writeString(bundleDir.resolve("manifest.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
        log.println("wrote " + bundleDir + " with " + nodes.size() + " node models");
    }

    /** Counts a rule tag towards its kind's precision: right when the gold mentions its evaluated aspect. */
    private void countRuleKind(Tag t, GoldItem g) {
        String rule = t.source().substring(t.source().indexOf('#') + 1);
        Set<String> evaluated = new HashSet<>(AiChallenger2018.MAPPING.nodes());
        for (String id : taxonomy.pathIds(t.nodeId())) {
            if (!evaluated.contains(id)) continue;
            int[] c = ruleKinds.computeIfAbsent(RuleTagger.ruleKind(rule), k -> new int[2]);
            c[0]++;
            if (g.aspects().containsKey(id)) c[1]++;
        }
    }

    private static Event event(Review r, String node) {
        return new Event(r.gold().contains(node) ? MentionModel.YES : "no", r.features());
    }

    /** Mention F1 of "rules or model at this threshold" for one node. */
    private static Prf score(List<Review> reviews, String node, double[] p, double threshold) {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < reviews.size(); i++) {
            Review r = reviews.get(i);
            boolean predicted = r.covered().contains(node) || p[i] >= threshold;
            boolean gold = r.gold().contains(node);
            if (predicted && gold) tp++;
            else if (predicted) fp++;
            else if (gold) fn++;
        }
        return new Prf(tp, fp, fn);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
