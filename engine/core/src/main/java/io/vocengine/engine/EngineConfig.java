package io.vocengine.engine;

import io.vocengine.engine.bundle.ModelBundle;
import io.vocengine.engine.emotion.EmotionModels;
import io.vocengine.engine.resources.Once;
import io.vocengine.engine.tag.AspectPolarityModel;
import io.vocengine.engine.tag.MentionModel;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything an {@link Engine} is built from. Immutable; there is no global configuration.
 *
 * @param taxonomies taxonomies to tag with; items are routed by {@code metadata.domain}
 * @param maxChars   texts longer than this are analysed up to it and flagged TRUNCATED
 * @param polarityModels aspect-polarity models, at most one per taxonomy; aspect tags of other taxonomies take
 *                   their polarity from the lexicon
 * @param mentionModels node-mention models, at most one per taxonomy, adding what the rules miss
 * @param deep       pair aspects and opinions by dependency parse (needs the optional engine/deep module)
 * @param emotionModels document polarity and emotion models; null for an engine without the emotion stage
 */
public record EngineConfig(List<Taxonomy> taxonomies, int maxChars, List<AspectPolarityModel> polarityModels,
                           List<MentionModel> mentionModels, boolean deep, EmotionModels emotionModels) {
    /** The four industry taxonomies that ship in the jar. */
    public static final List<String> SHIPPED_TAXONOMIES = List.of("ecommerce", "phone", "auto", "restaurant");
    /** Model bundles that ship in the jar (from {@code models/bundles/}). */
    public static final List<String> SHIPPED_MODELS = List.of("restaurant-aspect-polarity", "restaurant-mentions");
    /** Read and checked once per JVM: the class path does not change, and every config and reload needs them. */
    private static final Once<List<ModelBundle>> SHIPPED_BUNDLES = new Once<>(
            () -> SHIPPED_MODELS.stream().map(ModelBundle::shipped).filter(Objects::nonNull).toList());
    public static final int DEFAULT_MAX_CHARS = 20_000;

    public EngineConfig {
        taxonomies = List.copyOf(taxonomies);
        polarityModels = List.copyOf(polarityModels);
        mentionModels = List.copyOf(mentionModels);
        if (taxonomies.isEmpty()) throw new IllegalArgumentException("at least one taxonomy is needed");
        if (maxChars < 1) throw new IllegalArgumentException("maxChars must be positive, got " + maxChars);
    }

    /** With the shipped models of the given taxonomies. */
    public EngineConfig(List<Taxonomy> taxonomies, int maxChars) {
        this(taxonomies, maxChars, shipped(taxonomies, AspectPolarityModel.KIND, AspectPolarityModel::new),
                shipped(taxonomies, MentionModel.KIND, MentionModel::new), false, EmotionModels.shipped());
    }

    /** The same engine with rules only, as model training needs it: no aspect, mention or emotion models. */
    public EngineConfig withoutModels() {
        return new EngineConfig(taxonomies, maxChars, List.of(), List.of(), deep, null);
    }

    /** The same engine in deep mode: aspect–opinion pairs must be linked in a dependency parse. */
    public EngineConfig withDeepMode() {
        return new EngineConfig(taxonomies, maxChars, polarityModels, mentionModels, true, emotionModels);
    }

    /**
     * The shipped bundles of one kind that serve the given taxonomies, chosen by their manifest before loading: an
     * engine without the restaurant taxonomy never loads the restaurant models (nor the ONNX network they need).
     */
    private static <M> List<M> shipped(List<Taxonomy> taxonomies, String kind, Function<ModelBundle, M> load) {
        List<String> ids = taxonomies.stream().map(Taxonomy::id).toList();
        return SHIPPED_BUNDLES.get().stream().filter(b -> b.kind().equals(kind))
                .filter(b -> ids.contains(b.manifest().path("taxonomy").asText())).map(load).toList();
    }

    public static EngineConfig defaults() {
        return new EngineConfig(SHIPPED_TAXONOMIES.stream().map(TaxonomyLoader::loadShipped).toList(), DEFAULT_MAX_CHARS);
    }
}
