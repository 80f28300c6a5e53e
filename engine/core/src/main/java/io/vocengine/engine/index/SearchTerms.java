package io.vocengine.engine.index;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.model.Token;
import io.vocengine.engine.segment.Segmenter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one place that turns analysed text into index terms. Documents (at index time) and queries (at search time)
 * both go through it, after the same cleaning and segmentation, so a query word always meets the indexed word
 * (the classic IK trap is a different chain on each side).
 */
public final class SearchTerms {
    private static final Comparator<int[]> BY_START = Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]);

    private SearchTerms() {
    }

    /**
     * Index terms of a document. Words are lower-cased; punctuation and symbol-only tokens are dropped. Each word is
     * followed, at the same position, by its dictionary sub-words (包装破损 also indexes 包装 and 破损, as IK's
     * max-word mode does) and its single Han characters (碎了 also indexes 碎), so a query for part of a word finds
     * it, while whole-word matches, which hit more terms, rank first.
     */
    public static List<SearchTerm> forIndex(CleanText clean, List<Token> tokens, Segmenter segmenter) {
        List<SearchTerm> terms = new ArrayList<>(tokens.size() * 2);
        for (Token t : tokens) {
            if (t.isPunctuation()) continue;
            String word = t.text().toLowerCase(Locale.ROOT);
            add(terms, clean, t, word, 0, word.length(), false);
            List<int[]> parts = new ArrayList<>(segmenter.subwords(word));
            if (word.length() > 1 && isHan(word)) {
                for (int i = 0; i < word.length(); i++) parts.add(new int[]{i, i + 1});
            }
            parts.sort(BY_START); // Lucene requires start offsets that never go backwards
            for (int[] p : parts) add(terms, clean, t, word, p[0], p[1], true);
        }
        return terms;
    }

    /**
     * Query terms: whole words, never single characters (包装 must not match every 包). A compound that dictionary
     * sub-words cover end to end is asked as those sub-words in a row (包装破损 → 包装 破损), which matches documents
     * with the compound (its parts are indexed) and with the words written apart.
     */
    public static List<SearchTerm> forQuery(CleanText clean, List<Token> tokens, Segmenter segmenter) {
        List<SearchTerm> terms = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (t.isPunctuation()) continue;
            String word = t.text().toLowerCase(Locale.ROOT);
            List<int[]> tiles = tiling(word, segmenter.subwords(word));
            if (tiles.isEmpty()) add(terms, clean, t, word, 0, word.length(), false);
            for (int[] p : tiles) add(terms, clean, t, word, p[0], p[1], false);
        }
        return terms;
    }

    /** Longest sub-words laid end to end from the start of the word; empty when they leave a gap. */
    private static List<int[]> tiling(String word, List<int[]> subwords) {
        List<int[]> tiles = new ArrayList<>();
        for (int pos = 0; pos < word.length(); ) {
            int[] best = null;
            for (int[] s : subwords) {
                if (s[0] == pos && (best == null || s[1] > best[1])) best = s;
            }
            if (best == null) return List.of();
            tiles.add(best);
            pos = best[1];
        }
        return tiles;
    }

    private static void add(List<SearchTerm> terms, CleanText clean, Token t, String word, int from, int to,
                            boolean stacked) {
        Span raw = clean.toRaw(t.start() + from, t.start() + to);
        terms.add(new SearchTerm(word.substring(from, to), raw.start(), raw.end(), stacked));
    }

    /** All BMP Han ideographs: one char each, so single-char stacking never splits a surrogate pair. */
    private static boolean isHan(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isSurrogate(c) || Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) return false;
        }
        return true;
    }
}
