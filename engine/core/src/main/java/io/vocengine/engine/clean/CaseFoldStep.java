package io.vocengine.engine.clean;

import io.vocengine.engine.model.OffsetMap;

import java.util.List;

/**
 * Lower-cases letters so that 4s店 matches 4S店 and iphone finds iPhone. Folds one code point at a time and keeps a
 * character whose lower case would change its UTF-16 length, so every unit still maps to its raw character
 * (String.toLowerCase would turn İ into two units and shift every offset after it). PII placeholders (⟨PHONE⟩) are
 * kept as written.
 */
public final class CaseFoldStep implements CleaningStep {
    @Override
    public String name() {
        return "case-fold";
    }

    @Override
    public Rewrite apply(String text) {
        String folded = fold(text);
        if (folded.equals(text)) return null;
        OffsetMap.Builder b = new OffsetMap.Builder(text.length());
        for (int i = 0; i < text.length(); i++) b.append(folded.substring(i, i + 1), i, i + 1);
        return Rewrite.of(b, List.of());
    }

    /** The folding every component uses: texts here, and taxonomy and dictionary words when they are compiled. */
    public static String fold(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int placeholderEnd = PiiMaskStep.placeholderEnd(s, i);
            if (placeholderEnd > 0) { // ⟨PHONE⟩ stays as PiiMask.placeholder() says
                i = placeholderEnd;
                continue;
            }
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            int lower = Character.toLowerCase(cp);
            if (lower != cp && Character.charCount(lower) == n) {
                if (sb == null) sb = new StringBuilder(s);
                sb.replace(i, i + n, Character.toString(lower));
            }
            i += n;
        }
        return sb == null ? s : sb.toString();
    }
}
