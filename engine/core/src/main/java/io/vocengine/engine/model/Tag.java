package io.vocengine.engine.model;

import io.vocengine.taxonomy.Polarity;

import java.util.List;

/**
 * One taxonomy tag on one item.
 *
 * @param nodeId     global node id (ecommerce.logistics.packaging.damaged)
 * @param path       display names from the root (物流, 包装, 破损); the ancestors are implied
 * @param polarity   polarity of this aspect mention, not of the whole text
 * @param confidence 0–1
 * @param evidence   the words that fired, in raw-text offsets
 * @param source     "rule:&lt;node&gt;#&lt;rule&gt;" or "model:&lt;name&gt;@&lt;version&gt;"
 */
public record Tag(String nodeId, List<String> path, Polarity polarity, double confidence, List<Span> evidence,
                  String source) {
    public Tag {
        path = List.copyOf(path);
        evidence = List.copyOf(evidence);
    }
}
