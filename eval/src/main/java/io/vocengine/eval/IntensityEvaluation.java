package io.vocengine.eval;

import io.vocengine.engine.model.Emotion;
import io.vocengine.eval.datasets.LabelledTexts;
import io.vocengine.eval.metrics.Bootstrap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Validates the emotion stage's intensity against star ratings (ASAP, never used to set its weights): Spearman
 * correlation, with bootstrap intervals, of
 * <ul>
 *   <li>{@code signedIntensity} (+intensity when positive, −intensity when negative) with the stars;</li>
 *   <li>{@code positive} (the polarity model's probability alone) with the stars, as the reference intensity must add to;</li>
 *   <li>{@code intensityExtremity}: intensity with how far the rating is from the middle, |stars − 3|.</li>
 * </ul>
 */
public final class IntensityEvaluation {
    public record Report(String dataset, int items, Map<String, Bootstrap.Interval> metrics) {
    }

    private IntensityEvaluation() {
    }

    public static Report run(String dataset, List<LabelledTexts.Item> items, Function<String, Emotion> emotion,
                             int resamples, long seed) {
        int n = items.size();
        double[] stars = new double[n], signed = new double[n], positive = new double[n], intensity = new double[n], extremity = new double[n];
        for (int i = 0; i < n; i++) {
            Emotion e = emotion.apply(items.get(i).text());
            stars[i] = Double.parseDouble(items.get(i).label());
            extremity[i] = Math.abs(stars[i] - 3);
            positive[i] = e.positive();
            intensity[i] = e.intensity();
            signed[i] = e.positive() >= 0.5 ? e.intensity() : -e.intensity();
        }
        Map<String, double[][]> pairs = new LinkedHashMap<>();
        pairs.put("spearmanSignedIntensity", new double[][]{signed, stars});
        pairs.put("spearmanPositive", new double[][]{positive, stars});
        pairs.put("spearmanIntensityExtremity", new double[][]{intensity, extremity});
        Map<String, Bootstrap.Interval> metrics = new LinkedHashMap<>();
        Random random = new Random(seed);
        int[][] picks = new int[resamples][n];
        for (int[] pick : picks) for (int i = 0; i < n; i++) pick[i] = random.nextInt(n);
        pairs.forEach((name, xy) -> {
            double[] samples = new double[resamples];
            for (int b = 0; b < resamples; b++) samples[b] = spearman(pick(xy[0], picks[b]), pick(xy[1], picks[b]));
            metrics.put(name, Bootstrap.interval(spearman(xy[0], xy[1]), samples));
        });
        return new Report(dataset, n, metrics);
    }

    /** Spearman's rho: Pearson correlation of the ranks, ties sharing their mean rank; 0 when either side is constant. */
    public static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) j++;
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) r[order[k]] = mean;
            i = j + 1;
        }
        return r;
    }

    private static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static double[] pick(double[] v, int[] pick) {
        double[] out = new double[pick.length];
        for (int i = 0; i < pick.length; i++) out[i] = v[pick[i]];
        return out;
    }
}
