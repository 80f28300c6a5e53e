package io.vocengine.engine.index;

/**
 * One indexed word with its raw-text offsets (UTF-16 units), which highlights use directly.
 *
 * @param positionIncrement 1 for the next word; 0 for a part stacked on the word before it (包 under 包装)
 */
public record SearchTerm(String term, int rawStart, int rawEnd, int positionIncrement) {
}
