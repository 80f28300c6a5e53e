package io.vocengine.engine.clean;

import io.vocengine.engine.resources.TsvResource;

import java.util.HashMap;
import java.util.Map;

/**
 * Internet slang and common typos to standard words (木有 → 没有, yyds → 永远的神, 因该 → 应该), from the editable
 * {@code slang.tsv}, so that rules and lexicons written in standard Chinese still match. Each replacement is kept as a
 * cue of kind "slang". Runs after case folding and traditional→simplified. The table is built once per JVM.
 */
public final class SlangStep implements CleaningStep {
    @Override
    public String name() {
        return "slang";
    }

    @Override
    public Rewrite apply(String text) {
        return Table.INSTANCE.rewrite(text);
    }

    private static final class Table {
        static final ReplacementTable INSTANCE = build();
    }

    private static ReplacementTable build() {
        Map<String, String> entries = new HashMap<>();
        for (String[] row : TsvResource.read(SlangStep.class, "slang.tsv", 2)) {
            entries.put(CaseFoldStep.fold(row[0]), row[1]);
        }
        return new ReplacementTable(entries, "slang");
    }
}
