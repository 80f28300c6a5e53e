package io.vocengine.engine.pipeline;

import io.vocengine.engine.model.Arc;
import io.vocengine.engine.model.Clause;
import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Duplicate;
import io.vocengine.engine.model.Emotion;
import io.vocengine.engine.model.Token;
import io.vocengine.engine.model.Tagging;

import java.util.List;

/** The slots the shipped stages fill, in pipeline order, and the corpus-level slot filled after them. */
public final class Keys {
    private Keys() {
    }

    public static final Key<CleanText> CLEAN = Key.of("clean");
    public static final Key<List<Token>> TOKENS = Key.of("tokens");
    public static final Key<List<Clause>> CLAUSES = Key.of("clauses");
    /** Deep mode only: dependency arcs over the tokens. */
    public static final Key<List<Arc>> DEPENDENCIES = Key.of("dependencies");
    /** The rule tagger's tags, before a model decides the polarity of aspect tags. */
    public static final Key<Tagging> RULE_TAGS = Key.of("rule-tags");
    /** Rule tags plus the node mentions a model found that the rules missed, before polarity is decided. */
    public static final Key<Tagging> CANDIDATE_TAGS = Key.of("candidate-tags");
    public static final Key<Tagging> TAGS = Key.of("tags");
    /** Risk flags (churn, regulator, legal, safety), tagged from the risk taxonomy on every item. */
    public static final Key<Tagging> RISKS = Key.of("risks");
    /** Document emotion, polarity, intensity and severity from the emotion models. */
    public static final Key<Emotion> EMOTION = Key.of("emotion");
    /** Filled after the pipeline, in input order, by the run's {@code Deduplicator}: needs the whole corpus. */
    public static final Key<Duplicate> DUPLICATE = Key.of("duplicate");
}
