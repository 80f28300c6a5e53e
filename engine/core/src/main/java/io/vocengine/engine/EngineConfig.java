package io.vocengine.engine;

import io.vocengine.engine.bundle.ModelBundle;
import io.vocengine.engine.tag.AspectPolarityModel;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;

import java.util.List;
import java.util.Objects;

/**
 * Everything an {@link Engine} is built from. Immutable; there is no global configuration.
 *
 * @param taxonomies taxonomies to tag with; items are routed by {@code metadata.domain}
 * @param maxChars   texts longer than this are analysed up to it and flagged TRUNCATED
 * @param polarityModels aspect-polarity models, at most one per taxonomy; aspect tags of other taxonomies take
 *                   their polarity from the lexicon
 */
public record EngineConfig(List<Taxonomy> taxonomies, int maxChars, List<AspectPolarityModel> polarityModels) {
    /** The four industry taxonomies that ship in the jar. */
    public static final List<String> SHIPPED_TAXONOMIES = List.of("ecommerce", "phone", "auto", "restaurant");
    /** Model bundles that ship in the jar (from {@code models/bundles/}). */
    public static final List<String> SHIPPED_MODELS = List.of("restaurant-aspect-polarity");
    public static final int DEFAULT_MAX_CHARS = 20_000;

    public EngineConfig {
        taxonomies = List.copyOf(taxonomies);
        polarityModels = List.copyOf(polarityModels);
        if (taxonomies.isEmpty()) throw new IllegalArgumentException("at least one taxonomy is needed");
        if (maxChars < 1) throw new IllegalArgumentException("maxChars must be positive, got " + maxChars);
    }

    /** With the shipped models of the given taxonomies. */
    public EngineConfig(List<Taxonomy> taxonomies, int maxChars) {
        this(taxonomies, maxChars, shippedModelsFor(taxonomies));
    }

    /** The same engine with rules only, as model training needs it. */
    public EngineConfig withoutModels() {
        return new EngineConfig(taxonomies, maxChars, List.of());
    }

    private static List<AspectPolarityModel> shippedModelsFor(List<Taxonomy> taxonomies) {
        List<String> ids = taxonomies.stream().map(Taxonomy::id).toList();
        return SHIPPED_MODELS.stream().map(ModelBundle::shipped).filter(Objects::nonNull).map(AspectPolarityModel::new)
                .filter(m -> ids.contains(m.taxonomy())).toList();
    }

    public static EngineConfig defaults() {
        return new EngineConfig(SHIPPED_TAXONOMIES.stream().map(TaxonomyLoader::loadShipped).toList(), DEFAULT_MAX_CHARS);
    }
}
