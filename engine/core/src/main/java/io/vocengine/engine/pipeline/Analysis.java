package io.vocengine.engine.pipeline;

import io.vocengine.engine.model.Clause;
import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Duplicate;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Flag;
import io.vocengine.engine.model.Token;
import io.vocengine.engine.model.Tagging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The analysis of one feedback item: the raw {@link Feedback} plus one value per filled {@link Key}.
 * Immutable: {@link #with} returns a new instance, so a stage can never change what an earlier stage produced,
 * and a finished Analysis can be handed to any number of threads.
 */
public final class Analysis {
    private final Feedback feedback;
    private final Map<Key<?>, Object> values;

    private Analysis(Feedback feedback, Map<Key<?>, Object> values) {
        this.feedback = feedback;
        this.values = values;
    }

    public static Analysis of(Feedback feedback) {
        return new Analysis(feedback, Map.of());
    }

    public Feedback feedback() {
        return feedback;
    }

    /** A new analysis with one more slot filled; a slot is filled once. */
    public <T> Analysis with(Key<T> key, T value) {
        if (values.containsKey(key)) throw new IllegalStateException("slot '" + key + "' is already filled");
        Map<Key<?>, Object> copy = new IdentityHashMap<>(values);
        copy.put(key, value);
        return new Analysis(feedback, Collections.unmodifiableMap(copy));
    }

    public boolean has(Key<?> key) {
        return values.containsKey(key);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        Object v = values.get(key);
        if (v == null) throw new NoSuchElementException("slot '" + key + "' was not filled by this pipeline");
        return (T) v;
    }

    public CleanText clean() {
        return get(Keys.CLEAN);
    }

    public List<Token> tokens() {
        return get(Keys.TOKENS);
    }

    public List<Clause> clauses() {
        return get(Keys.CLAUSES);
    }

    public Tagging tagging() {
        return get(Keys.TAGS);
    }

    /** Every flag raised for the item: cleaning's, and DUPLICATE when a run found it copies an earlier item. */
    public List<Flag> flags() {
        List<Flag> flags = new ArrayList<>();
        if (has(Keys.CLEAN)) flags.addAll(clean().flags());
        if (has(Keys.DUPLICATE) && get(Keys.DUPLICATE).isCopy(feedback.id())) {
            Duplicate d = get(Keys.DUPLICATE);
            flags.add(new Flag(Duplicate.FLAG, String.format("near-duplicate of %s (similarity %.2f)", d.clusterId(),
                    d.similarity())));
        }
        return List.copyOf(flags);
    }
}
