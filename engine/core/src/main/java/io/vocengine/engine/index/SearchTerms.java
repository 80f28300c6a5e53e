package io.vocengine.engine.index;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.model.Token;

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

    public static List<SearchTerm> of(CleanText clean, List<Token> tokens) {
        List<SearchTerm> terms = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (t.isPunctuation() || !hasLetterOrDigit(t.text())) continue;
            Span raw = clean.toRaw(t.start(), t.end());
            terms.add(new SearchTerm(t.text().toLowerCase(Locale.ROOT), raw.start(), raw.end()));
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
