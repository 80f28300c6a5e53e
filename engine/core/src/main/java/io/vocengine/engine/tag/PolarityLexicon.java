package io.vocengine.engine.tag;

import io.vocengine.engine.clean.CaseFoldStep;
import io.vocengine.engine.model.Token;
import io.vocengine.engine.resources.Once;
import io.vocengine.engine.resources.TsvResource;
import io.vocengine.taxonomy.Polarity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opinion words with a sign (好 +1, 差 −1), used for the polarity of aspects whose node does not fix one.
 * Loaded once from {@code polarity-lexicon.tsv}; immutable.
 */
final class PolarityLexicon {
    private static final Once<PolarityLexicon> SHIPPED = new Once<>(PolarityLexicon::load);
    private final Map<String, Integer> signs;

    private PolarityLexicon(Map<String, Integer> signs) {
        this.signs = Map.copyOf(signs);
    }

    /** The shipped lexicon, loaded once per JVM on first use. */
    static PolarityLexicon shipped() {
        return SHIPPED.get();
    }

    private static PolarityLexicon load() {
        Map<String, Integer> signs = new HashMap<>();
        for (String[] row : TsvResource.read(PolarityLexicon.class, "polarity-lexicon.tsv", 2)) {
            if (!row[1].matches("[+-]1")) {
                throw new IllegalStateException("polarity-lexicon.tsv: sign of '" + row[0] + "' must be +1 or -1");
            }
            signs.put(CaseFoldStep.fold(row[0]), Integer.parseInt(row[1]));
        }
        return new PolarityLexicon(signs);
    }

    /**
     * Polarity of every clause of an item, in one pass: the sum of each clause's opinion words' signs, each flipped
     * when negated.
     */
    Polarity[] clausePolarities(WordBoundaries words) {
        int[] score = clauseScores(words);
        Polarity[] out = new Polarity[score.length];
        for (int c = 0; c < score.length; c++) {
            out[c] = score[c] > 0 ? Polarity.POSITIVE : score[c] < 0 ? Polarity.NEGATIVE : Polarity.NEUTRAL;
        }
        return out;
    }

    /** Per clause, the sum of its opinion words' signs, each flipped when negated or asked rhetorically. */
    int[] clauseScores(WordBoundaries words) {
        List<Token> tokens = words.tokens();
        int[] score = new int[words.clauseCount()];
        for (int i = 0; i < tokens.size(); i++) {
            int sign = sign(tokens.get(i).text());
            int clause = words.clauseOfToken(i);
            if (sign != 0) score[clause] += Negation.isNegated(words, i) ^ words.isRhetorical(clause) ? -sign : sign;
        }
        return score;
    }

    /**
     * +1, −1 or 0; a word fused with its negator (不好, 没用) counts as the negated word, and one fused with a degree
     * adverb (太贵, 很快) as the plain word.
     */
    int sign(String word) {
        Integer s = signs.get(word);
        if (s != null) return s;
        int degree = Degree.prefixLength(word);
        if (degree > 0 && signs.containsKey(word.substring(degree))) return signs.get(word.substring(degree));
        if (word.length() > 1 && (word.charAt(0) == '不' || word.charAt(0) == '没')) {
            s = signs.get(word.substring(1));
            if (s != null) return -s;
        }
        // A rule word that fuses an aspect with a graded opinion (态度很差, 质量不好) reads as its opinion.
        for (int k = 1; k < word.length() - 1; k++) {
            String rest = word.substring(k);
            if (Degree.prefixLength(rest) > 0 || Negation.prefixLength(rest) > 0) {
                int sign = sign(rest);
                if (sign != 0) return sign;
            }
        }
        return 0;
    }

    Set<String> words() {
        return signs.keySet();
    }
}
