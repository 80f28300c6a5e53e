package io.vocengine.engine.tag;

import io.vocengine.engine.model.Span;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.model.Tagging;
import io.vocengine.engine.model.Token;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Key;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.pipeline.Stage;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Adds the node mentions a trained model finds and the rules missed (see {@link MentionModel}). A node the rules
 * tagged, itself or through a descendant, is left to them. A model tag's evidence is the item's words that drove
 * the decision, and its source names the model, its version and the probability:
 * {@code model:restaurant-mentions@… p=0.71 (味道, 好吃)}. Its polarity is neutral until the polarity stage reads
 * its clause. Only items routed to the model's taxonomy ({@code metadata.domain}) are read by it.
 * Thread-safe: models and taxonomies are shared read-only.
 */
public final class MentionModelStage implements Stage<Tagging> {
    private final Map<String, MentionModel> models;
    private final Map<String, Taxonomy> taxonomies = new HashMap<>();

    public MentionModelStage(List<Taxonomy> taxonomies, List<MentionModel> models) {
        for (Taxonomy t : taxonomies) this.taxonomies.put(t.id(), t);
        this.models = TaxonomyModels.byTaxonomy(this.taxonomies, models, MentionModel::taxonomy, MentionModel::stamp);
    }

    @Override
    public String name() {
        return "mention-model";
    }

    @Override
    public Set<Key<?>> inputs() {
        return Set.of(Keys.CLEAN, Keys.TOKENS, Keys.RULE_TAGS);
    }

    @Override
    public Key<Tagging> output() {
        return Keys.CANDIDATE_TAGS;
    }

    @Override
    public Tagging process(Analysis item) {
        Tagging rules = item.get(Keys.RULE_TAGS);
        if (models.isEmpty()) return rules;
        List<Tag> out = new ArrayList<>(rules.tags());
        String[] features = null;
        for (String version : rules.taxonomies()) {
            String taxonomyId = version.substring(0, version.indexOf('@'));
            MentionModel model = models.get(taxonomyId);
            // The model learned its priors from in-domain reviews (almost every restaurant review rates the whole
            // experience), so it runs only on items routed to its taxonomy, never on unrouted text.
            if (model == null || !taxonomyId.equals(item.feedback().metadata().get("domain"))) continue;
            Taxonomy taxonomy = taxonomies.get(taxonomyId);
            Set<String> covered = new HashSet<>();
            for (Tag t : rules.tags()) if (taxonomy.nodes().containsKey(t.nodeId())) covered.addAll(taxonomy.pathIds(t.nodeId()));
            if (features == null) features = MentionFeatures.of(item);
            for (MentionModel.Mention m : model.predict(features)) {
                if (covered.contains(m.node()) || !taxonomy.nodes().containsKey(m.node())) continue;
                out.add(new Tag(m.node(), taxonomy.pathNames(m.node()), Polarity.NEUTRAL, m.probability(),
                        evidence(item, m.evidence()), String.format(Locale.ROOT, "model:%s p=%.2f %s", model.stamp(),
                        m.probability(), m.evidence())));
            }
        }
        return new Tagging(out, rules.taxonomies());
    }

    /** Raw spans of the first occurrence of each evidence word among the item's tokens. */
    private static List<Span> evidence(Analysis item, List<String> words) {
        List<Span> spans = new ArrayList<>();
        for (String w : words) {
            for (Token t : item.tokens()) {
                if (t.text().equals(w)) {
                    spans.add(item.clean().toRaw(t.start(), t.end()));
                    break;
                }
            }
        }
        spans.sort(java.util.Comparator.comparingInt(Span::start));
        return spans;
    }
}
