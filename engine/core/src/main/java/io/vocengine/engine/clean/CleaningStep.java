package io.vocengine.engine.clean;

/**
 * One switchable cleaning transformation. Implementations are stateless and thread-safe.
 */
public interface CleaningStep {
    /** Short name recorded in {@code CleanText.changedBy} when the step changed the text. */
    String name();

    /** @return the rewritten text with its map back to {@code text}, or null when nothing changes */
    Rewrite apply(String text);
}
