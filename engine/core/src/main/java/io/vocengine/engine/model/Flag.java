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

    public Flag {
        evidence = List.copyOf(evidence);
    }

    public Flag(String code, String reason) {
        this(code, reason, List.of());
    }
}
