package io.vocengine.engine;

import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;

import java.util.List;

/**
 * Everything an {@link Engine} is built from. Immutable; there is no global configuration.
 *
 * @param taxonomies taxonomies to tag with; items are routed by {@code metadata.domain}
 * @param maxChars   texts longer than this are analysed up to it and flagged TRUNCATED
 */
public record EngineConfig(List<Taxonomy> taxonomies, int maxChars) {
    /** The four industry taxonomies that ship in the jar. */
    public static final List<String> SHIPPED_TAXONOMIES = List.of("ecommerce", "phone", "auto", "restaurant");
    public static final int DEFAULT_MAX_CHARS = 20_000;

    public EngineConfig {
        taxonomies = List.copyOf(taxonomies);
        if (taxonomies.isEmpty()) throw new IllegalArgumentException("at least one taxonomy is needed");
        if (maxChars < 1) throw new IllegalArgumentException("maxChars must be positive, got " + maxChars);
    }

    public static EngineConfig defaults() {
        return new EngineConfig(SHIPPED_TAXONOMIES.stream().map(TaxonomyLoader::loadShipped).toList(), DEFAULT_MAX_CHARS);
    }
}
