package io.vocengine.engine.pipeline;

import io.vocengine.engine.model.ItemError;

/**
 * One item's result of {@link Pipeline#processAll}: its analysis, or the coded error of the stage that stopped it.
 * Exactly one of the two is set.
 */
public record Outcome(Analysis analysis, ItemError error) {
    public Outcome {
        if ((analysis == null) == (error == null)) throw new IllegalArgumentException("an outcome is an analysis or an error");
    }

    public static Outcome of(Analysis analysis) {
        return new Outcome(analysis, null);
    }

    public static Outcome failed(ItemError error) {
        return new Outcome(null, error);
    }
}
