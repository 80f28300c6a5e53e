package io.vocengine.engine.clean;

import io.vocengine.engine.model.Cue;
import io.vocengine.engine.model.Flag;
import io.vocengine.engine.model.OffsetMap;
import io.vocengine.engine.model.PiiMask;

import java.util.List;

/**
 * The result of one {@link CleaningStep}: new text, its map to the step's input, and what the step noticed.
 * Spans in {@code cues}, {@code pii} and flag evidence are in the step's <em>input</em> offsets; {@link CleanStage}
 * maps them to the raw text.
 */
public record Rewrite(String text, OffsetMap toInput, List<Flag> flags, List<Cue> cues, List<PiiMask> pii) {
    public Rewrite {
        flags = List.copyOf(flags);
        cues = List.copyOf(cues);
        pii = List.copyOf(pii);
    }

    public Rewrite(String text, OffsetMap toInput, List<Flag> flags) {
        this(text, toInput, flags, List.of(), List.of());
    }

    static Rewrite of(OffsetMap.Builder b, List<Flag> flags) {
        return new Rewrite(b.text(), b.map(), flags);
    }
}
