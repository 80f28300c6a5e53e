package io.vocengine.eval.metrics;

import io.vocengine.engine.model.Tag;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reduces an item's tags to what an aspect dataset labels: one polarity per evaluated node. A tag below an evaluated
 * node counts for it (口味 > 太咸 is a 口味 mention), and the node's mentions vote: more negative than positive
 * mentions make it negative, more positive make it positive, otherwise neutral, as a reader would sum up
 * "有的好吃有的难吃".
 */
public final class AspectPredictions {
    private AspectPredictions() {
    }

    public static Map<String, Polarity> of(List<Tag> tags, Taxonomy taxonomy, Set<String> evaluated) {
        Map<String, int[]> votes = new HashMap<>();
        for (Tag t : tags) {
            if (!taxonomy.nodes().containsKey(t.nodeId())) continue; // another taxonomy's tag
            List<String> path = taxonomy.pathIds(t.nodeId());
            for (int i = path.size() - 1; i >= 0; i--) {
                if (!evaluated.contains(path.get(i))) continue;
                int[] v = votes.computeIfAbsent(path.get(i), k -> new int[2]);
                if (t.polarity() == Polarity.POSITIVE) v[0]++;
                else if (t.polarity() == Polarity.NEGATIVE) v[1]++;
                break;
            }
        }
        Map<String, Polarity> out = new HashMap<>();
        votes.forEach((node, v) -> out.put(node, v[0] > v[1] ? Polarity.POSITIVE
                : v[1] > v[0] ? Polarity.NEGATIVE : Polarity.NEUTRAL));
        return out;
    }
}
