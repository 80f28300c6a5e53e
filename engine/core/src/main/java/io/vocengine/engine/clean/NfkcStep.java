package io.vocengine.engine.clean;

import io.vocengine.engine.model.OffsetMap;

import java.text.Normalizer;
import java.util.List;

/**
 * Unicode NFKC: full-width letters, digits and punctuation become half-width (ＡＢＣ１２３！ → ABC123!), compatibility
 * ideographs and ligatures fold. Normalises one base character with its combining marks at a time, so each output
 * unit maps to exactly the raw characters it came from.
 */
public final class NfkcStep implements CleaningStep {
    @Override
    public String name() {
        return "nfkc";
    }

    @Override
    public Rewrite apply(String text) {
        if (Normalizer.isNormalized(text, Normalizer.Form.NFKC)) return null;
        OffsetMap.Builder b = new OffsetMap.Builder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = clusterEnd(text, i);
            String cluster = text.substring(i, end);
            String norm = Normalizer.normalize(cluster, Normalizer.Form.NFKC);
            if (norm.equals(cluster)) b.copy(text, i, end);
            else b.append(norm, i, end);
            i = end;
        }
        return Rewrite.of(b, List.of());
    }

    private static int clusterEnd(String text, int start) {
        int i = start + Character.charCount(text.codePointAt(start));
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK) break;
            i += Character.charCount(cp);
        }
        return i;
    }
}
