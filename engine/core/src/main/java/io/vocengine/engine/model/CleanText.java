package io.vocengine.engine.model;

import java.util.List;

/**
 * Cleaned text plus the map back to the raw text. Immutable.
 *
 * @param text      the text later stages read
 * @param toRaw     maps every unit of {@code text} to its span in {@link Feedback#text()}
 * @param flags     what cleaning noticed (TRUNCATED, INVALID_CHARS, EMPTY_TEXT)
 * @param changedBy names of the cleaning steps that changed the text, in order
 */
public record CleanText(String text, OffsetMap toRaw, List<Flag> flags, List<String> changedBy) {
    public CleanText {
        if (toRaw.length() != text.length()) {
            throw new IllegalArgumentException("offset map covers " + toRaw.length() + " units, text has " + text.length());
        }
        flags = List.copyOf(flags);
        changedBy = List.copyOf(changedBy);
    }

    /** Raw-text span of the cleaned span [start, end). */
    public Span toRaw(int start, int end) {
        return toRaw.toSource(start, end);
    }
}
