package io.vocengine.eval.metrics;

import io.vocengine.eval.gold.GoldItem;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two runs over the same items, compared node by node with a paired bootstrap: each resample draws the same items
 * for both, so the spread of the F1 difference reflects the items, not two independent draws. The p-value is
 * two-sided: twice the smaller share of resamples on either side of zero.
 */
public final class PairedComparison {
    /** One node's (or the overall leaf micro) mention F1 in both runs. */
    public record Change(String node, double baseline, double current, double pValue) {
        public double delta() {
            return current - baseline;
        }

        public boolean significant() {
            return pValue < 0.05;
        }
    }

    /** The key under which the overall leaf micro-F1 is compared. */
    public static final String OVERALL = "leafMicroF1";

    private PairedComparison() {
    }

    public static List<Change> compare(Taxonomy taxonomy, List<String> nodes, List<GoldItem> gold,
                                       List<Map<String, Polarity>> baseline, List<Map<String, Polarity>> current,
                                       int resamples, long seed) {
        Map<String, Double> base = f1s(Bootstrap.evaluate(taxonomy, nodes, gold, baseline, null));
        Map<String, Double> cur = f1s(Bootstrap.evaluate(taxonomy, nodes, gold, current, null));
        Map<String, int[]> sides = new LinkedHashMap<>(); // [resamples with delta <= 0, with delta >= 0]
        base.keySet().forEach(k -> sides.put(k, new int[2]));
        Bootstrap.forEachResample(gold.size(), resamples, seed, (pick, b) -> {
            Map<String, Double> fb = f1s(Bootstrap.evaluate(taxonomy, nodes, gold, baseline, pick));
            Map<String, Double> fc = f1s(Bootstrap.evaluate(taxonomy, nodes, gold, current, pick));
            for (String k : sides.keySet()) {
                double d = fc.get(k) - fb.get(k);
                if (d <= 0) sides.get(k)[0]++;
                if (d >= 0) sides.get(k)[1]++;
            }
        });
        List<Change> out = new ArrayList<>();
        for (String k : sides.keySet()) {
            int[] s = sides.get(k);
            double p = Math.min(1.0, 2.0 * Math.min(s[0], s[1]) / resamples);
            if (base.get(k).equals(cur.get(k))) p = 1.0; // identical on the full set: no evidence of a change
            out.add(new Change(k, base.get(k), cur.get(k), p));
        }
        return out;
    }

    private static Map<String, Double> f1s(AspectEvaluation.Result r) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(OVERALL, r.leafMentions().f1());
        r.perNode().forEach((node, p) -> out.put(node, p.f1()));
        return out;
    }
}
