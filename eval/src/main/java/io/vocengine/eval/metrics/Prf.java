package io.vocengine.eval.metrics;

/** Precision, recall and F1 from counts; an undefined ratio (nothing predicted, nothing gold) is 0. */
public record Prf(int tp, int fp, int fn) {
    public double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public int support() {
        return tp + fn;
    }

    public Prf plus(Prf o) {
        return new Prf(tp + o.tp, fp + o.fp, fn + o.fn);
    }
}
