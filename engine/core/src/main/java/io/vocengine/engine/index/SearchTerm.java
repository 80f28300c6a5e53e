package io.vocengine.engine.index;

/** One indexed word with its raw-text offsets (UTF-16 units), which highlights use directly. */
public record SearchTerm(String term, int rawStart, int rawEnd) {
}
