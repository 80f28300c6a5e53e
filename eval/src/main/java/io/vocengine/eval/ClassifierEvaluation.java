package io.vocengine.eval;

import io.vocengine.eval.datasets.LabelledTexts;
import io.vocengine.eval.metrics.Bootstrap;
import io.vocengine.eval.metrics.ClassificationEvaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Scores a document classifier (polarity, emotion) on a held-out split: accuracy and macro-F1 with bootstrap
 * intervals (for sets with a neutral label also the macro-F1 over the emotions alone, as NLPCC reports it), the
 * confusion matrix, calibration (ECE and the reliability diagram's bins), per-label threshold sweeps, and each
 * item's prediction so that a later run can be compared item by item ({@link #compare}).
 */
public final class ClassifierEvaluation {
    public static final String NEUTRAL = "neutral";
    private static final int BINS = 10;
    private static final int BATCH = 64;

    /** Probabilities of each text over the set's labels, in label order. */
    public interface Scorer {
        List<double[]> score(List<String> texts);

        /** A model's own probabilities, one batched call per batch. */
        static Scorer of(Function<List<String>, float[][]> model) {
            return texts -> {
                List<double[]> out = new ArrayList<>(texts.size());
                for (float[] p : model.apply(texts)) {
                    double[] d = new double[p.length];
                    for (int i = 0; i < p.length; i++) d[i] = p[i];
                    out.add(d);
                }
                return out;
            };
        }
    }

    public record Prediction(String id, String gold, String predicted) {
        public boolean correct() {
            return gold.equals(predicted);
        }
    }

    public record Report(String dataset, String model, List<String> labels, Map<String, Bootstrap.Interval> metrics,
                         ClassificationEvaluation.Result result, List<Prediction> predictions) {
        public int items() {
            return predictions.size();
        }
    }

    /** The change of a metric against a baseline run on the same items, with its paired-bootstrap two-sided p. */
    public record Change(String metric, int items, double baseline, double current, double pValue) {
        public double delta() {
            return current - baseline;
        }
    }

    private ClassifierEvaluation() {
    }

    public static Report run(String dataset, String model, List<String> labels, List<LabelledTexts.Item> items,
                             Scorer scorer, int resamples, long seed, IntConsumer progress) {
        List<double[]> probabilities = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i += BATCH) {
            List<LabelledTexts.Item> batch = items.subList(i, Math.min(items.size(), i + BATCH));
            probabilities.addAll(scorer.score(batch.stream().map(LabelledTexts.Item::text).toList()));
            progress.accept(Math.min(items.size(), i + BATCH));
        }
        List<String> gold = items.stream().map(LabelledTexts.Item::label).toList();
        ClassificationEvaluation.Result full = evaluate(labels, gold, probabilities, null);
        Map<String, double[]> samples = new LinkedHashMap<>();
        for (String m : metricNames(labels)) samples.put(m, new double[resamples]);
        Bootstrap.forEachResample(items.size(), resamples, seed, (pick, b) -> {
            Map<String, Double> r = metrics(labels, evaluate(labels, gold, probabilities, pick));
            for (String m : samples.keySet()) samples.get(m)[b] = r.get(m);
        });
        Map<String, Bootstrap.Interval> metrics = new LinkedHashMap<>();
        metrics(labels, full).forEach((m, v) -> metrics.put(m, Bootstrap.interval(v, samples.get(m))));
        metrics.put("expectedCalibrationError", Bootstrap.interval(full.expectedCalibrationError(), new double[0]));
        List<Prediction> predictions = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            predictions.add(new Prediction(items.get(i).id(), gold.get(i), labels.get(argmax(probabilities.get(i)))));
        }
        return new Report(dataset, model, List.copyOf(labels), metrics, full, predictions);
    }

    /**
     * Accuracy and macro-F1 of this run against a baseline's predictions on the items both scored: paired bootstrap
     * over those items (the same resample for both runs), two-sided p = 2 × the share of resamples on the other side
     * of zero from the observed change.
     */
    public static List<Change> compare(List<String> labels, List<Prediction> baseline, List<Prediction> current,
                                       int resamples, long seed) {
        Map<String, Prediction> before = new LinkedHashMap<>();
        baseline.forEach(p -> before.put(p.id(), p));
        List<Prediction> a = new ArrayList<>(), b = new ArrayList<>();
        for (Prediction p : current) {
            Prediction q = before.get(p.id());
            if (q != null && q.gold().equals(p.gold())) {
                a.add(q);
                b.add(p);
            }
        }
        Map<String, Double> base = hardMetrics(labels, a, null), now = hardMetrics(labels, b, null);
        Map<String, int[]> otherSide = new LinkedHashMap<>();
        base.keySet().forEach(m -> otherSide.put(m, new int[1]));
        if (!a.isEmpty()) Bootstrap.forEachResample(a.size(), resamples, seed, (pick, r) -> {
            Map<String, Double> x = hardMetrics(labels, a, pick), y = hardMetrics(labels, b, pick);
            for (String m : base.keySet()) {
                double observed = now.get(m) - base.get(m), d = y.get(m) - x.get(m);
                if (observed >= 0 ? d <= 0 : d >= 0) otherSide.get(m)[0]++;
            }
        });
        List<Change> out = new ArrayList<>();
        for (String m : base.keySet()) {
            double p = resamples == 0 ? 1 : Math.min(1, 2.0 * otherSide.get(m)[0] / resamples);
            out.add(new Change(m, a.size(), base.get(m), now.get(m), p));
        }
        return out;
    }

    private static List<String> metricNames(List<String> labels) {
        return labels.contains(NEUTRAL) && labels.size() > 2 ? List.of("accuracy", "macroF1", "emotionMacroF1")
                : List.of("accuracy", "macroF1");
    }

    private static Map<String, Double> metrics(List<String> labels, ClassificationEvaluation.Result r) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", r.accuracy());
        m.put("macroF1", r.macroF1());
        if (metricNames(labels).contains("emotionMacroF1")) {
            m.put("emotionMacroF1", r.perLabel().entrySet().stream().filter(e -> !e.getKey().equals(NEUTRAL))
                    .mapToDouble(e -> e.getValue().f1()).average().orElse(0));
        }
        return m;
    }

    /** Metrics from predicted labels alone (a baseline report keeps no probabilities). */
    private static Map<String, Double> hardMetrics(List<String> labels, List<Prediction> predictions, int[] pick) {
        List<String> gold = new ArrayList<>();
        List<double[]> oneHot = new ArrayList<>();
        int n = pick == null ? predictions.size() : pick.length;
        for (int i = 0; i < n; i++) {
            Prediction p = predictions.get(pick == null ? i : pick[i]);
            double[] v = new double[labels.size()];
            v[labels.indexOf(p.predicted())] = 1;
            gold.add(p.gold());
            oneHot.add(v);
        }
        return metrics(labels, evaluate(labels, gold, oneHot, null));
    }

    private static ClassificationEvaluation.Result evaluate(List<String> labels, List<String> gold, List<double[]> p, int[] pick) {
        ClassificationEvaluation e = new ClassificationEvaluation(labels);
        int n = pick == null ? gold.size() : pick.length;
        for (int i = 0; i < n; i++) {
            int k = pick == null ? i : pick[i];
            e.add(gold.get(k), p.get(k));
        }
        return e.result(BINS);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
