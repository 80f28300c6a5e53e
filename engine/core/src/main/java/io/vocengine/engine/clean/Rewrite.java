package io.vocengine.engine.clean;

import io.vocengine.engine.model.Flag;
import io.vocengine.engine.model.OffsetMap;

import java.util.List;

/**
 * The result of one {@link CleaningStep}: new text, its map to the step's input, and anything worth flagging.
 */
public record Rewrite(String text, OffsetMap toInput, List<Flag> flags) {
    public Rewrite {
        flags = List.copyOf(flags);
    }

    static Rewrite of(OffsetMap.Builder b, List<Flag> flags) {
        return new Rewrite(b.text(), b.map(), flags);
    }
}
