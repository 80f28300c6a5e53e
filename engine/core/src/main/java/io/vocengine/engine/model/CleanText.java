package io.vocengine.engine.model;

import java.util.List;

/**
 * Cleaned text plus the map back to the raw text, and what cleaning noticed. Immutable.
 *
 * @param text      the text later stages read
 * @param toRaw     maps every unit of {@code text} to its span in {@link Feedback#text()}
 * @param flags     what cleaning noticed (TRUNCATED, INVALID_CHARS, EMPTY_TEXT, …), evidence in raw offsets
 * @param changedBy names of the cleaning steps that changed the text, in order
 * @param cues      emoji, repetition and slang signals, in raw offsets
 * @param pii       personal data masked in {@code text}, in raw offsets
 */
public record CleanText(String text, OffsetMap toRaw, List<Flag> flags, List<String> changedBy, List<Cue> cues,
                        List<PiiMask> pii) {
    public CleanText {
        if (toRaw.length() != text.length()) {
            throw new IllegalArgumentException("offset map covers " + toRaw.length() + " units, text has " + text.length());
        }
        flags = List.copyOf(flags);
        changedBy = List.copyOf(changedBy);
        cues = List.copyOf(cues);
        pii = List.copyOf(pii);
    }

    /** Raw-text span of the cleaned span [start, end). */
    public Span toRaw(int start, int end) {
        return toRaw.toSource(start, end);
    }
}
