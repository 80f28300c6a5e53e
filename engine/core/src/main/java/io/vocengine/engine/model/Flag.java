package io.vocengine.engine.model;

import java.util.List;

/**
 * A property of an item worth reporting but not worth failing it for: truncated, empty, spam, duplicate, ...
 * Flags never delete anything; the item is still indexed and counted.
 *
 * @param code     stable upper-case code (TRUNCATED)
 * @param reason   human-readable explanation
 * @param evidence what in the raw text caused it (UTF-16 units); empty when the flag is about the whole text
 */
public record Flag(String code, String reason, List<Span> evidence) {
    public static final String EMPTY_TEXT = "EMPTY_TEXT";
    public static final String TRUNCATED = "TRUNCATED";
    public static final String INVALID_CHARS = "INVALID_CHARS";
    /** Advertising or spam: contact solicitation, promotion, links ({@code SpamAdCheck}). */
    public static final String SPAM_AD = "SPAM_AD";
    /** Templated filler with no content: 默认好评, 好评好评, 凑字数 padding ({@code FillerCheck}). */
    public static final String FILLER = "FILLER";
    /** Keyboard mashing, or no letters at all ({@code MeaninglessCheck}). */
    public static final String MEANINGLESS = "MEANINGLESS";
    /** Written in a language other than Chinese ({@code LanguageCheck}). */
    public static final String NON_CHINESE = "NON_CHINESE";

    public Flag {
        evidence = List.copyOf(evidence);
    }

    public Flag(String code, String reason) {
        this(code, reason, List.of());
    }
}
