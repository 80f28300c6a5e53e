package io.vocengine.engine.tag;

import io.vocengine.taxonomy.Taxonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Models keyed by the taxonomy they serve, refusing a model for a taxonomy that is not loaded. */
final class TaxonomyModels {
    private TaxonomyModels() {
    }

    static <M> Map<String, M> byTaxonomy(Map<String, Taxonomy> loaded, List<M> models, Function<M, String> taxonomyOf,
                                         Function<M, String> stamp) {
        Map<String, M> out = new HashMap<>();
        for (M m : models) {
            if (!loaded.containsKey(taxonomyOf.apply(m))) {
                throw new IllegalArgumentException("model " + stamp.apply(m) + " serves taxonomy '" + taxonomyOf.apply(m)
                        + "', which is not loaded");
            }
            out.put(taxonomyOf.apply(m), m);
        }
        return Map.copyOf(out);
    }
}
