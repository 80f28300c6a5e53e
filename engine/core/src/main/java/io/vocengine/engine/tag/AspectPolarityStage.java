package io.vocengine.engine.tag;

import io.vocengine.engine.bundle.BundleException;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.onnx.OnnxTextModel;
import io.vocengine.engine.model.Tagging;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Key;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.pipeline.Stage;
import io.vocengine.engine.segment.Segmenter;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides the polarity of rule tags with a trained model where the taxonomy has one: the rules find the aspect
 * (口味), the model reads its clause (味道一般般，不过分量足) and says positive, negative or neutral. Nodes that fix
 * their polarity (闪退 is negative) keep it, and taxonomies without a model keep the lexicon's verdict. The tag's
 * source names both: {@code rule:…#aspect(味道); polarity model:restaurant-aspect-polarity@… p=0.82}. A model
 * stacked on an aspect network also reads the network's verdict on the whole review, and its source names both
 * ({@code polarity model:restaurant-aspect-polarity@…+restaurant-aspect-cnn@… p=0.82}); the network runs once per
 * batch. Thread-safe: models, networks and taxonomies are shared read-only; features are built per item.
 */
public final class AspectPolarityStage implements Stage<Tagging> {
    private final Map<String, AspectPolarityModel> models;
    private final Map<String, Taxonomy> taxonomies = new HashMap<>();
    private final Segmenter segmenter;
    private final OnnxTextModel clausePolarity;

    /**
     * @param clausePolarity the document-polarity model, for aspect models trained with its clause probabilities
     * @throws BundleException when a model was trained with another clause-polarity model than the one given
     */
    public AspectPolarityStage(List<Taxonomy> taxonomies, List<AspectPolarityModel> models, Segmenter segmenter,
                               OnnxTextModel clausePolarity) {
        this.segmenter = segmenter;
        this.clausePolarity = clausePolarity;
        for (Taxonomy t : taxonomies) this.taxonomies.put(t.id(), t);
        this.models = TaxonomyModels.byTaxonomy(this.taxonomies, models, AspectPolarityModel::taxonomy, AspectPolarityModel::stamp);
        for (AspectPolarityModel m : models) {
            String given = clausePolarity == null ? null : clausePolarity.stamp();
            if (m.clausePolarity() != null && !m.clausePolarity().equals(given)) {
                throw new BundleException("aspect-polarity model " + m.stamp() + " was trained with clause polarity from "
                        + m.clausePolarity() + ", but the engine has " + (given == null ? "none" : given)
                        + ": retrain it (voc train polarity) or ship the matching polarity model");
            }
            if (m.network() != null) m.network().checkAgainst(this.taxonomies.get(m.taxonomy()));
        }
    }

    @Override
    public String name() {
        return "aspect-polarity";
    }

    @Override
    public Set<Key<?>> inputs() {
        return Set.of(Keys.CLEAN, Keys.TOKENS, Keys.CLAUSES, Keys.CANDIDATE_TAGS);
    }

    @Override
    public Key<Tagging> output() {
        return Keys.TAGS;
    }

    @Override
    public Tagging process(Analysis item) {
        return processBatch(List.of(item)).get(0);
    }

    /** The aspect networks run once per batch, over the items with a tag for them to read. */
    @Override
    public List<Tagging> processBatch(List<Analysis> items) {
        List<Map<String, AspectPolarityNetwork.Reading>> readings = readings(items);
        List<Tagging> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) out.add(tag(items.get(i), readings.get(i)));
        return out;
    }

    /** Per item, the network readings its tags need, by taxonomy id. */
    private List<Map<String, AspectPolarityNetwork.Reading>> readings(List<Analysis> items) {
        List<Map<String, AspectPolarityNetwork.Reading>> out = new ArrayList<>(items.size());
        Map<AspectPolarityModel, List<Integer>> wanted = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(new HashMap<>());
            Set<AspectPolarityModel> needed = new HashSet<>();
            for (Tag t : items.get(i).get(Keys.CANDIDATE_TAGS).tags()) {
                AspectPolarityModel m = decider(t);
                if (m != null && m.network() != null) needed.add(m);
            }
            for (AspectPolarityModel m : needed) wanted.computeIfAbsent(m, k -> new ArrayList<>()).add(i);
        }
        wanted.forEach((m, indexes) -> {
            List<AspectPolarityNetwork.Reading> r = m.network().read(
                    indexes.stream().map(i -> items.get(i).clean().text()).toList(), taxonomies.get(m.taxonomy()));
            for (int k = 0; k < indexes.size(); k++) out.get(indexes.get(k)).put(m.taxonomy(), r.get(k));
        });
        return out;
    }

    /** The model that decides the tag's polarity; null when the tag keeps its own (no model, or a fixed polarity). */
    private AspectPolarityModel decider(Tag t) {
        AspectPolarityModel model = models.get(t.nodeId().substring(0, t.nodeId().indexOf('.')));
        if (model == null) return null;
        TaxonomyNode node = taxonomies.get(model.taxonomy()).node(t.nodeId());
        return node == null || node.polarity() != null ? null : model;
    }

    private Tagging tag(Analysis item, Map<String, AspectPolarityNetwork.Reading> readings) {
        Tagging rules = item.get(Keys.CANDIDATE_TAGS);
        if (models.isEmpty() || rules.tags().isEmpty()) return rules;
        AspectPolarityFeatures features = null; // built on first need: most items of other domains never need it
        List<Tag> out = new ArrayList<>(rules.tags().size());
        for (Tag t : rules.tags()) {
            AspectPolarityModel model = decider(t);
            if (model == null) {
                out.add(t);
                continue;
            }
            if (features == null) {
                features = new AspectPolarityFeatures(item, segmenter, model.clausePolarity() == null ? null : clausePolarity,
                        readings.get(model.taxonomy()));
            }
            AspectPolarityModel.Prediction p = model.predict(features.of(t));
            out.add(new Tag(t.nodeId(), t.path(), p.polarity(), t.confidence(), t.evidence(), t.source()
                    + "; polarity model:" + model.stamp() + (model.network() == null ? "" : "+" + model.network().stamp())
                    + String.format(Locale.ROOT, " p=%.2f", p.probability())));
        }
        return new Tagging(out, rules.taxonomies());
    }
}
