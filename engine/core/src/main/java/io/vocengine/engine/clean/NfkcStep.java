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
        OffsetMap.Builder b = new OffsetMap.Builder(text.length());
        boolean changed = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            // Fast path for what Chinese reviews are made of; a following combining mark takes the general path.
            if (i + 1 == text.length() || text.charAt(i + 1) < 0x300) {
                // ASCII, CJK ideographs and CJK punctuation 、。「」 up to U+3035 are NFKC-stable.
                if (c < 0x80 || c >= 0x4E00 && c <= 0x9FFF || c >= 0x3001 && c <= 0x3035) {
                    b.appendChar(c, i, i + 1);
                    i++;
                    continue;
                }
                if (c >= 0xFF01 && c <= 0xFF5E) { // full-width ASCII forms: NFKC maps them to ASCII
                    b.appendChar((char) (c - 0xFEE0), i, i + 1);
                    changed = true;
                    i++;
                    continue;
                }
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                int cp = text.codePointAt(i);
                // Pictographic emoji have no compatibility decomposition; skip the general path for them.
                if (cp >= 0x1F300 && cp <= 0x1FAFF && (i + 2 == text.length() || text.charAt(i + 2) < 0x300)) {
                    b.copy(text, i, i + 2);
                    i += 2;
                    continue;
                }
            }
            int end = clusterEnd(text, i);
            String cluster = text.substring(i, end);
            String norm = Normalizer.normalize(cluster, Normalizer.Form.NFKC);
            if (norm.equals(cluster)) {
                b.copy(text, i, end);
            } else {
                b.append(norm, i, end);
                changed = true;
            }
            i = end;
        }
        return changed ? Rewrite.of(b, List.of()) : null;
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
