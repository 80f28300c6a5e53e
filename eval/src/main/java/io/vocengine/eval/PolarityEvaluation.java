package io.vocengine.eval;

import io.vocengine.engine.emotion.PolarityModel;
import io.vocengine.eval.datasets.LabelledTexts;
import io.vocengine.eval.metrics.Bootstrap;
import io.vocengine.eval.metrics.ClassificationEvaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Scores the document-polarity model on a held-out split: accuracy and macro-F1 with bootstrap intervals, the
 * confusion matrix, calibration (ECE and the reliability diagram's bins) and per-label threshold sweeps.
 */
public final class PolarityEvaluation {
    public static final List<String> LABELS = List.of("negative", "positive");
    private static final int BINS = 10;

    public record Report(String dataset, String model, int items, Map<String, Bootstrap.Interval> metrics,
                         ClassificationEvaluation.Result result) {
    }

    private PolarityEvaluation() {
    }

    public static Report run(PolarityModel model, String dataset, List<LabelledTexts.Item> items, int resamples,
                             long seed, IntConsumer progress) {
        List<double[]> probabilities = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i += 64) {
            List<LabelledTexts.Item> batch = items.subList(i, Math.min(items.size(), i + 64));
            for (float[] p : model.predict(batch.stream().map(LabelledTexts.Item::text).toList())) {
                probabilities.add(new double[]{p[0], p[1]});
            }
            progress.accept(Math.min(items.size(), i + 64));
        }
        ClassificationEvaluation.Result full = evaluate(items, probabilities, null);
        double[] accuracy = new double[resamples], macro = new double[resamples];
        Random random = new Random(seed);
        int[] pick = new int[items.size()];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < pick.length; i++) pick[i] = random.nextInt(items.size());
            ClassificationEvaluation.Result r = evaluate(items, probabilities, pick);
            accuracy[b] = r.accuracy();
            macro[b] = r.macroF1();
        }
        Map<String, Bootstrap.Interval> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", Bootstrap.interval(full.accuracy(), accuracy));
        metrics.put("macroF1", Bootstrap.interval(full.macroF1(), macro));
        metrics.put("expectedCalibrationError", Bootstrap.interval(full.expectedCalibrationError(), new double[0]));
        return new Report(dataset, model.stamp(), items.size(), metrics, full);
    }

    private static ClassificationEvaluation.Result evaluate(List<LabelledTexts.Item> items, List<double[]> p, int[] pick) {
        ClassificationEvaluation e = new ClassificationEvaluation(LABELS);
        int n = pick == null ? items.size() : pick.length;
        for (int i = 0; i < n; i++) {
            int k = pick == null ? i : pick[i];
            e.add(items.get(k).label(), p.get(k));
        }
        return e.result(BINS);
    }
}
