package io.vocengine.engine.emotion;

import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.resources.Once;
import io.vocengine.engine.segment.Segmenter;
import io.vocengine.engine.tag.RuleTagger;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyException;
import io.vocengine.taxonomy.TaxonomyLoader;
import io.vocengine.taxonomy.TaxonomyNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shipped risk taxonomy (risk.yaml): risk flags are tags like any other, so they get the domain tagger's
 * negation, clause scoping, evidence spans and rule ids for free, and its examples are checked the same way.
 * Parsed and validated once per JVM.
 */
public final class RiskTaxonomy {
    private static final Once<Taxonomy> SHIPPED = new Once<>(RiskTaxonomy::load);

    private RiskTaxonomy() {
    }

    public static Taxonomy shipped() {
        return SHIPPED.get();
    }

    /** The stage that fills {@link Keys#RISKS}; give it the pipeline's segmenter, built with the risk words too. */
    public static RuleTagger tagger(Segmenter segmenter) {
        return new RuleTagger("risk", Keys.RISKS, List.of(shipped()), segmenter, Map.of());
    }

    private static Taxonomy load() {
        try (InputStream in = RiskTaxonomy.class.getResourceAsStream("risk.yaml")) {
            if (in == null) throw new IllegalStateException("risk.yaml is missing from the engine jar");
            Taxonomy t = TaxonomyLoader.parse("risk.yaml", in.readAllBytes());
            List<String> problems = new ArrayList<>();
            for (TaxonomyNode n : t.nodes().values()) {
                if (RiskType.of(n.id()) == null) problems.add("line " + n.line() + " node '" + n.localId() + "': not under a RiskType");
            }
            for (RiskType r : RiskType.values()) {
                if (!t.nodes().containsKey(r.nodeId())) problems.add("no level-1 node '" + r.nodeId() + "' for " + r);
            }
            if (!problems.isEmpty()) throw new TaxonomyException("risk.yaml", problems);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("reading risk.yaml", e);
        }
    }
}
