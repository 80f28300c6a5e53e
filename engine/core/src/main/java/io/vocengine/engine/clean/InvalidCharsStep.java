package io.vocengine.engine.clean;

import io.vocengine.engine.model.Flag;
import io.vocengine.engine.model.OffsetMap;
import io.vocengine.engine.model.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops what no later stage can use: control characters (tab and line breaks are kept for the whitespace step),
 * unpaired surrogates, zero-width characters and stray byte-order marks. Binary junk and broken UTF-16 are flagged
 * INVALID_CHARS so that an analyst sees the record was damaged; the raw text keeps every original unit.
 */
public final class InvalidCharsStep implements CleaningStep {
    /** Spans of evidence per flag: where the damage starts is what an analyst needs, not all of a binary blob. */
    private static final int MAX_EVIDENCE = 20;

    @Override
    public String name() {
        return "invalid-chars";
    }

    @Override
    public Rewrite apply(String text) {
        int first = firstDropped(text);
        if (first < 0) return null;
        OffsetMap.Builder b = new OffsetMap.Builder(text.length());
        b.copy(text, 0, first);
        int damaged = 0;
        List<Span> evidence = new ArrayList<>();
        for (int i = first; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (isDamage(cp) && damaged++ < MAX_EVIDENCE) evidence.add(new Span(i, i + n));
            if (!dropped(cp)) b.copy(text, i, i + n);
            i += n;
        }
        List<Flag> flags = damaged == 0 ? List.of() : List.of(new Flag(Flag.INVALID_CHARS,
                damaged + " control or unpaired-surrogate character(s) removed", evidence));
        return Rewrite.of(b, flags);
    }

    private static int firstDropped(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (dropped(cp)) return i;
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static boolean dropped(int cp) {
        return isDamage(cp) || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
    }

    /** codePointAt returns a lone surrogate as itself, so this also catches broken UTF-16. */
    private static boolean isDamage(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') return false;
        return Character.isISOControl(cp) || Character.isSurrogate((char) cp) && cp <= 0xFFFF;
    }
}
