package io.vocengine.engine.model;

/**
 * A property of an item worth reporting but not worth failing it for: truncated, empty, spam, duplicate, ...
 * Flags never delete anything; the item is still indexed and counted.
 *
 * @param code   stable upper-case code (TRUNCATED)
 * @param reason human-readable explanation
 */
public record Flag(String code, String reason) {
    public static final String EMPTY_TEXT = "EMPTY_TEXT";
    public static final String TRUNCATED = "TRUNCATED";
    public static final String INVALID_CHARS = "INVALID_CHARS";
}
