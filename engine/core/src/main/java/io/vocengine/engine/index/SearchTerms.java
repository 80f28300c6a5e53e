package io.vocengine.engine.index;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.model.Token;
import io.vocengine.engine.segment.Segmenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one place that turns analysed text into index terms. Documents (at index time) and queries (at search time)
 * both go through it, after the same cleaning and segmentation, so a query word always meets the indexed word
 * (the classic IK trap is a different chain on each side).
 */
public final class SearchTerms {
    private SearchTerms() {
    }

    /**
     * Words are lower-cased; punctuation and symbol-only tokens are dropped; a compound word is followed by its
     * dictionary sub-words at the same position (包装破损 also indexes 包装 and 破损), as IK's max-word mode does.
     */
    public static List<SearchTerm> of(CleanText clean, List<Token> tokens, Segmenter segmenter) {
        List<SearchTerm> terms = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (t.isPunctuation() || !hasLetterOrDigit(t.text())) continue;
            Span raw = clean.toRaw(t.start(), t.end());
            String word = t.text().toLowerCase(Locale.ROOT);
            terms.add(new SearchTerm(word, raw.start(), raw.end(), false));
            for (int[] sub : segmenter.subwords(word)) {
                Span subRaw = clean.toRaw(t.start() + sub[0], t.start() + sub[1]);
                terms.add(new SearchTerm(word.substring(sub[0], sub[1]), subRaw.start(), subRaw.end(), true));
            }
        }
        return terms;
    }

    private static boolean hasLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) return true;
            i += Character.charCount(cp);
        }
        return false;
    }
}
