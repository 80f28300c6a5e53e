package io.vocengine.engine.index;

/**
 * One indexed word with its raw-text offsets (UTF-16 units), which highlights use directly.
 *
 * @param stacked true for a sub-word of the previous compound word: same position, so phrase queries still line up
 */
public record SearchTerm(String term, int rawStart, int rawEnd, boolean stacked) {
}
