package io.vocengine.eval;

import io.vocengine.engine.Engine;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Tag;
import io.vocengine.eval.gold.GoldItem;
import io.vocengine.eval.metrics.AspectEvaluation;
import io.vocengine.eval.metrics.AspectPredictions;
import io.vocengine.eval.metrics.Bootstrap;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Runs an engine over a tagging test set and scores it: metrics with bootstrap intervals, per-node figures, the
 * polarity confusion and, per node, the most confident false positives (with the evidence and the rule or model
 * that fired) and the first false negatives. The Java API behind {@code voc eval}.
 */
public final class TaggingEvaluation {
    public static final int ERRORS_PER_NODE = 5;

    /** One wrong decision, for the error analysis. */
    public record Error(String id, String text, List<String> evidence, String source, double confidence) {
    }

    public record NodeErrors(List<Error> falsePositives, List<Error> falseNegatives) {
    }

    /**
     * @param gold      the items scored, in order
     * @param predicted what the engine said of each, reduced to the evaluated nodes (kept for paired comparisons)
     */
    public record Report(String dataset, int items, Map<String, Bootstrap.Interval> metrics,
                         AspectEvaluation.Result result, Map<String, NodeErrors> errors, List<GoldItem> gold,
                         List<Map<String, Polarity>> predicted) {
    }

    private TaggingEvaluation() {
    }

    public static Report run(Engine engine, Taxonomy taxonomy, TaggingDatasets.Dataset dataset, List<GoldItem> items,
                             int resamples, long seed, IntConsumer progress) {
        List<String> nodes = dataset.mapping().nodes();
        Set<String> evaluated = new HashSet<>(nodes);
        List<Map<String, Polarity>> predicted = new ArrayList<>(items.size());
        Map<String, List<Error>> fps = new LinkedHashMap<>(), fns = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            GoldItem g = items.get(i);
            List<Tag> tags = engine.analyse(new Feedback(g.id(), g.text(), null, null, null, null, null, null, null,
                    null, null, null, Map.of("domain", dataset.taxonomy()))).tagging().tags();
            Map<String, Polarity> p = AspectPredictions.of(tags, taxonomy, evaluated);
            predicted.add(p);
            for (String node : nodes) {
                if (p.containsKey(node) && !g.aspects().containsKey(node)) {
                    Tag t = strongestFor(node, tags, taxonomy);
                    fps.computeIfAbsent(node, k -> new ArrayList<>()).add(new Error(g.id(), snippet(g.text()),
                            t.evidence().stream().map(s -> s.of(g.text())).toList(), t.source(), t.confidence()));
                } else if (!p.containsKey(node) && g.aspects().containsKey(node)) {
                    List<Error> list = fns.computeIfAbsent(node, k -> new ArrayList<>());
                    if (list.size() < ERRORS_PER_NODE) {
                        list.add(new Error(g.id(), snippet(g.text()), List.of(), "gold: " + g.aspects().get(node).json(), 0));
                    }
                }
            }
            progress.accept(i + 1);
        }
        Map<String, NodeErrors> errors = new LinkedHashMap<>();
        for (String node : nodes) {
            List<Error> fp = fps.getOrDefault(node, List.of()).stream()
                    .sorted(Comparator.comparingDouble(Error::confidence).reversed()).limit(ERRORS_PER_NODE).toList();
            errors.put(node, new NodeErrors(fp, fns.getOrDefault(node, List.of())));
        }
        Map<String, Bootstrap.Interval> metrics = Bootstrap.intervals(taxonomy, nodes, items, predicted, resamples, seed);
        AspectEvaluation.Result full = Bootstrap.evaluate(taxonomy, nodes, items, predicted, null);
        return new Report(dataset.name(), items.size(), metrics, full, errors, items, predicted);
    }

    /** The most confident tag at or below {@code node}: the one to show for a false positive. */
    private static Tag strongestFor(String node, List<Tag> tags, Taxonomy taxonomy) {
        return tags.stream().filter(t -> taxonomy.nodes().containsKey(t.nodeId()) && taxonomy.pathIds(t.nodeId()).contains(node))
                .max(Comparator.comparingDouble(Tag::confidence)).orElseThrow();
    }

    private static String snippet(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
