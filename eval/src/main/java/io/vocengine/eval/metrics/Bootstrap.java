package io.vocengine.eval.metrics;

import io.vocengine.eval.gold.GoldItem;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ObjIntConsumer;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap confidence intervals for the aspect metrics: items are resampled with replacement (seeded)
 * and every metric recomputed on each resample, so the interval reflects how much the figure depends on which
 * reviews happened to be in the test set.
 */
public final class Bootstrap {
    /** The metrics reported with intervals, by their stable report names. */
    public static final Map<String, ToDoubleFunction<AspectEvaluation.Result>> METRICS = metrics();

    private static Map<String, ToDoubleFunction<AspectEvaluation.Result>> metrics() {
        Map<String, ToDoubleFunction<AspectEvaluation.Result>> m = new LinkedHashMap<>();
        m.put("level1MicroF1", r -> r.groupMentions().f1());
        m.put("leafMicroF1", r -> r.leafMentions().f1());
        m.put("leafMicroPrecision", r -> r.leafMentions().precision());
        m.put("leafMicroRecall", r -> r.leafMentions().recall());
        m.put("leafMacroF1", AspectEvaluation.Result::leafMacroF1);
        m.put("hierarchicalF1", r -> r.hierarchical().f1());
        m.put("exactMatch", AspectEvaluation.Result::exactMatch);
        m.put("polarityAccuracy", AspectEvaluation.Result::polarityAccuracy);
        m.put("officialMacroF1", AspectEvaluation.Result::officialMacroF1);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** A metric's value on the full set and its 95% interval. */
    public record Interval(double value, double low, double high) {
    }

    private Bootstrap() {
    }

    public static Map<String, Interval> intervals(Taxonomy taxonomy, List<String> nodes, List<GoldItem> gold,
                                                  List<Map<String, Polarity>> predicted, int resamples, long seed) {
        AspectEvaluation.Result full = evaluate(taxonomy, nodes, gold, predicted, null);
        Map<String, double[]> samples = new LinkedHashMap<>();
        METRICS.keySet().forEach(k -> samples.put(k, new double[resamples]));
        forEachResample(gold.size(), resamples, seed, (pick, b) -> {
            AspectEvaluation.Result r = evaluate(taxonomy, nodes, gold, predicted, pick);
            for (Map.Entry<String, ToDoubleFunction<AspectEvaluation.Result>> m : METRICS.entrySet()) {
                samples.get(m.getKey())[b] = m.getValue().applyAsDouble(r);
            }
        });
        Map<String, Interval> out = new LinkedHashMap<>();
        for (Map.Entry<String, ToDoubleFunction<AspectEvaluation.Result>> m : METRICS.entrySet()) {
            out.put(m.getKey(), interval(m.getValue().applyAsDouble(full), samples.get(m.getKey())));
        }
        return out;
    }

    /**
     * Calls {@code action(pick, b)} for each resample b of n items: {@code pick} holds n indexes drawn with
     * replacement from one {@code Random(seed)}, so the same seed gives the same resamples everywhere. The array is
     * reused between calls.
     */
    public static void forEachResample(int n, int resamples, long seed, ObjIntConsumer<int[]> action) {
        Random random = new Random(seed);
        int[] pick = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) pick[i] = random.nextInt(n);
            action.accept(pick, b);
        }
    }

    /** The 2.5th and 97.5th percentiles of resampled values around the full-set value; no resamples, no width. */
    public static Interval interval(double value, double[] samples) {
        if (samples.length == 0) return new Interval(value, value, value);
        double[] v = samples.clone();
        Arrays.sort(v);
        return new Interval(value, v[(int) (0.025 * (v.length - 1))], v[(int) Math.ceil(0.975 * (v.length - 1))]);
    }

    /** The evaluation of the items at {@code pick} (all items, in order, when null). */
    public static AspectEvaluation.Result evaluate(Taxonomy taxonomy, List<String> nodes, List<GoldItem> gold,
                                            List<Map<String, Polarity>> predicted, int[] pick) {
        AspectEvaluation e = new AspectEvaluation(taxonomy, nodes);
        int n = pick == null ? gold.size() : pick.length;
        for (int i = 0; i < n; i++) {
            int k = pick == null ? i : pick[i];
            e.add(gold.get(k), predicted.get(k));
        }
        return e.result();
    }
}
