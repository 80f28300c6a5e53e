package io.vocengine.engine.tag;

import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.TaxonomyNode;

import java.util.List;

/** One place where a node's rule fired, before mentions of the same node are merged into one tag. */
record Mention(TaxonomyNode node, List<TermHit> evidence, String rule, double confidence, Polarity polarity) {
    boolean overlaps(Mention o) {
        for (TermHit a : evidence) {
            for (TermHit b : o.evidence) {
                if (a.overlaps(b)) return true;
            }
        }
        return false;
    }
}
