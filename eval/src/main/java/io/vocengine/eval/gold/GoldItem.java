package io.vocengine.eval.gold;

import io.vocengine.taxonomy.Polarity;

import java.util.Map;

/**
 * One labelled text of a gold dataset.
 *
 * @param id      stable within its dataset: a row id or {@code file:line}
 * @param aspects the taxonomy nodes the text mentions, each with its aspect polarity; unmentioned nodes are absent
 */
public record GoldItem(String id, String text, Map<String, Polarity> aspects) {
    public GoldItem {
        aspects = Map.copyOf(aspects);
    }
}
