package io.vocengine.eval.metrics;

import io.vocengine.eval.gold.GoldItem;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores aspect tagging against a gold dataset whose aspects map onto taxonomy nodes (the "evaluated" nodes):
 * <ul>
 *   <li>mention micro P/R/F1 at the leaf level (the evaluated nodes) and at level 1 (their top-level ancestors);</li>
 *   <li>aspect-polarity accuracy over the aspects both gold and prediction mention;</li>
 *   <li>the AI Challenger 2018 official score: per aspect, macro-F1 over the four classes (not mentioned, negative,
 *       neutral, positive) present in gold or prediction, averaged over the aspects.</li>
 * </ul>
 * Not thread-safe: one evaluation accumulates items on one thread.
 */
public final class AspectEvaluation {
    /** Class index of the 4-class view: 0 not mentioned, 1 negative, 2 neutral, 3 positive. */
    private static final int CLASSES = 4;

    private final Taxonomy taxonomy;
    private final List<String> nodes;
    private final Map<String, int[][]> confusion = new LinkedHashMap<>(); // node -> [gold class][predicted class]
    private int groupTp, groupFp, groupFn, polarityRight, polarityBoth, items, exact;
    private int hierTp, hierFp, hierFn;

    public AspectEvaluation(Taxonomy taxonomy, List<String> evaluatedNodes) {
        this.taxonomy = taxonomy;
        this.nodes = List.copyOf(evaluatedNodes);
        for (String n : nodes) {
            taxonomy.node(n); // a mapping onto a node the taxonomy lacks fails here, naming node and version
            confusion.put(n, new int[CLASSES][CLASSES]);
        }
    }

    public void add(GoldItem gold, Map<String, Polarity> predicted) {
        items++;
        for (String n : nodes) {
            Polarity g = gold.aspects().get(n), p = predicted.get(n);
            confusion.get(n)[classOf(g)][classOf(p)]++;
            if (g != null && p != null) {
                polarityBoth++;
                if (g == p) polarityRight++;
            }
        }
        Set<String> goldLeaves = evaluated(gold.aspects().keySet()), predictedLeaves = evaluated(predicted.keySet());
        if (goldLeaves.equals(predictedLeaves)) exact++;
        Set<String> goldAll = withAncestors(goldLeaves), predictedAll = withAncestors(predictedLeaves);
        for (String g : goldAll) {
            if (predictedAll.contains(g)) hierTp++;
            else hierFn++;
        }
        for (String p : predictedAll) if (!goldAll.contains(p)) hierFp++;
        Set<String> goldGroups = groups(gold.aspects().keySet()), predictedGroups = groups(predicted.keySet());
        for (String g : goldGroups) {
            if (predictedGroups.contains(g)) groupTp++;
            else groupFn++;
        }
        for (String p : predictedGroups) if (!goldGroups.contains(p)) groupFp++;
    }

    public Result result() {
        Map<String, Prf> perNode = new LinkedHashMap<>();
        Prf leaf = new Prf(0, 0, 0);
        double macroSum = 0;
        for (String n : nodes) {
            int[][] c = confusion.get(n);
            Prf mention = mentionCounts(c);
            perNode.put(n, mention);
            leaf = leaf.plus(mention);
            macroSum += macroF1(c);
        }
        return new Result(items, leaf, new Prf(groupTp, groupFp, groupFn),
                polarityBoth == 0 ? 0 : (double) polarityRight / polarityBoth, polarityBoth,
                nodes.isEmpty() ? 0 : macroSum / nodes.size(), perNode, polarityConfusion(),
                new Prf(hierTp, hierFp, hierFn), items == 0 ? 0 : (double) exact / items,
                perNode.values().stream().mapToDouble(Prf::f1).average().orElse(0));
    }

    /**
     * @param leafMentions    micro counts over the evaluated nodes
     * @param groupMentions   micro counts over their level-1 ancestors
     * @param polarityAccuracy over {@code polarityPairs} aspects that both gold and prediction mention
     * @param officialMacroF1 AI Challenger 2018: mean over aspects of the 4-class macro-F1
     * @param polarityConfusion [gold][predicted] counts over negative, neutral, positive
     * @param hierarchical    micro counts over the evaluated nodes plus all their ancestors (ancestor-augmented sets)
     * @param exactMatch      share of items whose set of evaluated nodes is exactly the gold set
     * @param leafMacroF1     mean over the evaluated nodes of their mention F1
     */
    public record Result(int items, Prf leafMentions, Prf groupMentions, double polarityAccuracy, int polarityPairs,
                         double officialMacroF1, Map<String, Prf> perNode, int[][] polarityConfusion,
                         Prf hierarchical, double exactMatch, double leafMacroF1) {
    }

    /** [gold][predicted] over negative, neutral, positive, summed over nodes, for aspects both mention. */
    private int[][] polarityConfusion() {
        int[][] sum = new int[CLASSES - 1][CLASSES - 1];
        for (int[][] c : confusion.values()) {
            for (int g = 1; g < CLASSES; g++) for (int p = 1; p < CLASSES; p++) sum[g - 1][p - 1] += c[g][p];
        }
        return sum;
    }

    private Set<String> evaluated(Set<String> mentioned) {
        Set<String> out = new HashSet<>(mentioned);
        out.retainAll(nodes);
        return out;
    }

    private Set<String> withAncestors(Set<String> leaves) {
        Set<String> out = new HashSet<>();
        for (String n : leaves) out.addAll(taxonomy.pathIds(n));
        return out;
    }

    private Set<String> groups(Set<String> mentioned) {
        Set<String> out = new HashSet<>();
        for (String n : mentioned) if (nodes.contains(n)) out.add(taxonomy.pathIds(n).get(0));
        return out;
    }

    private static int classOf(Polarity p) {
        if (p == null) return 0;
        return switch (p) {
            case NEGATIVE -> 1;
            case NEUTRAL -> 2;
            case POSITIVE -> 3;
        };
    }

    private static Prf mentionCounts(int[][] c) {
        int tp = 0, fp = 0, fn = 0;
        for (int g = 0; g < CLASSES; g++) {
            for (int p = 0; p < CLASSES; p++) {
                if (g > 0 && p > 0) tp += c[g][p];
                else if (p > 0) fp += c[g][p];
                else if (g > 0) fn += c[g][p];
            }
        }
        return new Prf(tp, fp, fn);
    }

    /** Macro-F1 over the classes that occur in gold or prediction (scikit-learn's convention, used officially). */
    static double macroF1(int[][] c) {
        List<Double> f1s = new ArrayList<>();
        for (int k = 0; k < CLASSES; k++) {
            int tp = c[k][k], goldK = 0, predK = 0;
            for (int j = 0; j < CLASSES; j++) {
                goldK += c[k][j];
                predK += c[j][k];
            }
            if (goldK == 0 && predK == 0) continue;
            f1s.add(new Prf(tp, predK - tp, goldK - tp).f1());
        }
        return f1s.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
