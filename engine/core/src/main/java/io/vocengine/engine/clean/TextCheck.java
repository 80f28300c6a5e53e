package io.vocengine.engine.clean;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Flag;

import java.util.List;

/**
 * A check on the finished cleaned text that raises flags (spam, filler, language) without changing the text.
 * Implementations are stateless or hold read-only resources, and are thread-safe.
 */
public interface TextCheck {
    String name();

    /**
     * @param raw   the customer's raw text
     * @param clean the cleaned text with its map to {@code raw}
     * @return flags with evidence in raw offsets; empty when nothing is wrong
     */
    List<Flag> check(String raw, CleanText clean);
}
