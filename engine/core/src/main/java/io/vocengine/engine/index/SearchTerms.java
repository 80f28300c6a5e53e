package io.vocengine.engine.index;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.model.Token;
import io.vocengine.engine.segment.Segmenter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one place that turns analysed text into index terms, for documents and for queries. Both sides get their
 * text from the same cleaning (which case-folds) and segmentation; the deliberate differences are stated below.
 * <p>
 * A compound that dictionary sub-words cover end to end is laid out as those sub-words at consecutive positions on
 * both sides (包装破损 → 包装 破损), so 包装 finds 包装破损 and the phrase "包装破损" finds 包装破损 and 包装 破损 alike.
 */
public final class SearchTerms {
    /** Lucene refuses terms over 32 KB; a "word" this long is junk (keyboard mashing, base64), not a search term. */
    static final int MAX_TERM_CHARS = 255;
    private static final Comparator<int[]> LONGEST_FIRST =
            Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> -p[1]);

    private SearchTerms() {
    }

    /**
     * Index terms of a document: each word with, stacked at its position, its single Han characters (碎了 also
     * indexes 碎), its other dictionary sub-words and, in a word of mixed scripts, each run of one script (sim卡 also
     * indexes sim and 卡), so a query for part of a word finds it while whole-word matches, which hit more terms,
     * rank first. Punctuation and symbols are dropped.
     */
    public static List<SearchTerm> forIndex(CleanText clean, List<Token> tokens, Segmenter segmenter) {
        List<SearchTerm> terms = new ArrayList<>(tokens.size() * 2);
        for (Token t : tokens) {
            String word = t.text();
            if (t.isPunctuation() || word.length() > MAX_TERM_CHARS) continue;
            List<int[]> subwords = segmenter.subwords(word);
            List<int[]> tiles = tiling(word, subwords);
            add(terms, clean, t, 0, word.length(), 1);
            List<int[]> parts = new ArrayList<>(subwords);
            if (word.length() > 1 && isHan(word)) {
                for (int i = 0; i < word.length(); i++) parts.add(new int[]{i, i + 1});
            } else {
                parts.addAll(scriptRuns(word));
            }
            parts.sort(LONGEST_FIRST); // Lucene requires start offsets that never go backwards
            int tile = 0;
            for (int[] p : parts) {
                // Each tile after the first opens the next position; every other part stacks on the current one.
                boolean nextTile = tile + 1 < tiles.size() && p == tiles.get(tile + 1);
                if (nextTile) tile++;
                add(terms, clean, t, p[0], p[1], nextTile ? 1 : 0);
            }
        }
        return terms;
    }

    /**
     * Query terms: whole words, or the tiling sub-words of a compound, never single characters of a longer word
     * (包装 must not match every 包). Personal data in a query is dropped, not searched: the cleaner masks it as in
     * documents, and ⟨PHONE⟩ would match every item that held any phone number.
     */
    public static List<SearchTerm> forQuery(CleanText clean, List<Token> tokens, Segmenter segmenter) {
        List<SearchTerm> terms = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            String word = t.text();
            if (t.isPunctuation() || word.length() > MAX_TERM_CHARS || masked(clean, t)) continue;
            List<int[]> tiles = tiling(word, segmenter.subwords(word));
            if (tiles.isEmpty()) add(terms, clean, t, 0, word.length(), 1);
            for (int[] p : tiles) add(terms, clean, t, p[0], p[1], 1);
        }
        return terms;
    }

    /** Whether the token lies in a span the cleaner masked as personal data. */
    private static boolean masked(CleanText clean, Token t) {
        Span raw = clean.toRaw(t.start(), t.end());
        return clean.pii().stream().anyMatch(p -> p.raw().start() < raw.end() && raw.start() < p.raw().end());
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

    private static void add(List<SearchTerm> terms, CleanText clean, Token t, int from, int to, int increment) {
        Span raw = clean.toRaw(t.start() + from, t.start() + to);
        terms.add(new SearchTerm(t.text().substring(from, to), raw.start(), raw.end(), increment));
    }

    /** All BMP Han ideographs: one char each, so single-char stacking never splits a surrogate pair. */
    /** The maximal runs of Han characters and of other letters or digits in a word that has both; else none. */
    static List<int[]> scriptRuns(String word) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        boolean han = false;
        for (int i = 0; i <= word.length(); i++) {
            char c = i < word.length() ? word.charAt(i) : ' ';
            boolean wordChar = !Character.isSurrogate(c) && Character.isLetterOrDigit(c);
            boolean isHan = wordChar && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (start >= 0 && (!wordChar || isHan != han)) {
                runs.add(new int[]{start, i});
                start = -1;
            }
            if (wordChar && start < 0) {
                start = i;
                han = isHan;
            }
        }
        boolean mixed = runs.stream().anyMatch(r -> isHan(word.substring(r[0], r[1])))
                && runs.stream().anyMatch(r -> !isHan(word.substring(r[0], r[1])));
        return mixed ? runs : List.of();
    }

    private static boolean isHan(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isSurrogate(c) || Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) return false;
        }
        return true;
    }
}
