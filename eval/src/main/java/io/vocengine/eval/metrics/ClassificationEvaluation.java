package io.vocengine.eval.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a classifier (emotion, polarity) that gives each item a probability per label: accuracy, per-label and
 * macro precision/recall/F1, the confusion matrix, calibration (expected calibration error over equal-width bins of
 * the top probability, with the reliability diagram's bins) and, per label, a one-vs-rest threshold sweep with its
 * precision–recall curve. Labels are fixed up front, so a label missing from the gold data still appears (with
 * support 0 and F1 0 unless predicted never). Not thread-safe: accumulate on one thread.
 */
public final class ClassificationEvaluation {
    private final List<String> labels;
    private final int[][] confusion;
    private final List<double[]> probabilities = new ArrayList<>();
    private final List<Integer> gold = new ArrayList<>();

    public ClassificationEvaluation(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.confusion = new int[labels.size()][labels.size()];
    }

    /** @param probabilities one per label, in label order */
    public void add(String goldLabel, double[] probabilities) {
        int g = index(goldLabel);
        if (probabilities.length != labels.size()) throw new IllegalArgumentException("need " + labels.size() + " probabilities");
        int p = argmax(probabilities);
        confusion[g][p]++;
        this.probabilities.add(probabilities.clone());
        gold.add(g);
    }

    /** One bin of the reliability diagram: mean confidence and accuracy of the items whose top probability fell in it. */
    public record Bin(double from, double to, int items, double meanConfidence, double accuracy) {
    }

    /** A point of a threshold sweep: predict the label when its probability is at least the threshold. */
    public record Point(double threshold, double precision, double recall) {
    }

    public record Result(int items, double accuracy, Map<String, Prf> perLabel, double macroF1, int[][] confusion,
                         double expectedCalibrationError, List<Bin> reliability, Map<String, List<Point>> sweeps) {
    }

    public Result result(int bins) {
        int n = gold.size(), right = 0;
        Map<String, Prf> perLabel = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            int tp = confusion[k][k], goldK = 0, predK = 0;
            for (int j = 0; j < labels.size(); j++) {
                goldK += confusion[k][j];
                predK += confusion[j][k];
            }
            right += tp;
            perLabel.put(labels.get(k), new Prf(tp, predK - tp, goldK - tp));
        }
        double macro = perLabel.values().stream().mapToDouble(Prf::f1).average().orElse(0);
        int[][] copy = new int[labels.size()][];
        for (int k = 0; k < labels.size(); k++) copy[k] = confusion[k].clone();
        List<Bin> reliability = reliability(bins);
        double ece = 0;
        for (Bin b : reliability) ece += n == 0 ? 0 : (double) b.items() / n * Math.abs(b.accuracy() - b.meanConfidence());
        Map<String, List<Point>> sweeps = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) sweeps.put(labels.get(k), sweep(k));
        return new Result(n, n == 0 ? 0 : (double) right / n, perLabel, macro, copy, ece, reliability, sweeps);
    }

    private List<Bin> reliability(int bins) {
        int[] count = new int[bins], correct = new int[bins];
        double[] confidence = new double[bins];
        for (int i = 0; i < gold.size(); i++) {
            double[] p = probabilities.get(i);
            int top = argmax(p);
            int b = Math.min(bins - 1, (int) (p[top] * bins));
            count[b]++;
            confidence[b] += p[top];
            if (top == gold.get(i)) correct[b]++;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            out.add(new Bin((double) b / bins, (double) (b + 1) / bins, count[b], count[b] == 0 ? 0 : confidence[b] / count[b],
                    count[b] == 0 ? 0 : (double) correct[b] / count[b]));
        }
        return out;
    }

    /** Thresholds 0.05, 0.10 … 0.95 for one label against the rest. */
    private List<Point> sweep(int label) {
        List<Point> out = new ArrayList<>();
        for (int t = 1; t <= 19; t++) {
            double threshold = t / 20.0;
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < gold.size(); i++) {
                boolean predicted = probabilities.get(i)[label] >= threshold, isGold = gold.get(i) == label;
                if (predicted && isGold) tp++;
                else if (predicted) fp++;
                else if (isGold) fn++;
            }
            Prf p = new Prf(tp, fp, fn);
            out.add(new Point(threshold, p.precision(), p.recall()));
        }
        return out;
    }

    private int index(String label) {
        int i = labels.indexOf(label);
        if (i < 0) throw new IllegalArgumentException("unknown label '" + label + "'; labels: " + labels);
        return i;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
