package io.vocengine.engine.tag;

import io.vocengine.engine.model.Token;
import io.vocengine.engine.segment.Segmenter;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Word and clause structure of one cleaned text, computed once per item. Word boundaries are the tokens' plus those
 * of dictionary sub-words inside compounds (屏幕显示 → 屏幕, 显示), the same split the index uses. Clauses end at
 * punctuation, emoji, line breaks and contrast words (但是, 不过 ...), which bound where an aspect pairs with an
 * opinion and how far a negation reaches. Per-item, not shared.
 */
final class WordBoundaries {
    private static final Set<String> CONTRAST = Set.of("但是", "但", "不过", "可是", "然而", "只是", "就是", "却", "而是");

    private final List<Token> tokens;
    private final BitSet starts = new BitSet();
    private final BitSet ends = new BitSet();
    /** Token index that starts at each char offset; -1 elsewhere. */
    private final int[] tokenAt;
    /** Clause number of each token. */
    private final int[] clauseOfToken;

    WordBoundaries(String text, List<Token> tokens, Segmenter segmenter) {
        this.tokens = tokens;
        this.tokenAt = new int[text.length() + 1];
        Arrays.fill(tokenAt, -1);
        this.clauseOfToken = new int[tokens.size()];
        int clause = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i > 0 && text.substring(tokens.get(i - 1).end(), t.start()).indexOf('\n') >= 0) clause++;
            starts.set(t.start());
            ends.set(t.end());
            tokenAt[t.start()] = i;
            for (int[] sub : segmenter.subwords(t.text())) {
                starts.set(t.start() + sub[0]);
                ends.set(t.start() + sub[1]);
                if (tokenAt[t.start() + sub[0]] < 0) tokenAt[t.start() + sub[0]] = i;
            }
            boolean boundary = t.isPunctuation() || CONTRAST.contains(t.text());
            if (boundary) clause++;
            clauseOfToken[i] = clause;
            if (boundary) clause++;
        }
    }

    boolean isStart(int offset) {
        return starts.get(offset);
    }

    boolean isEnd(int offset) {
        return ends.get(offset);
    }

    /** Index of the token that starts, or holds a sub-word starting, at {@code offset}; a word start. */
    int tokenIndexAt(int offset) {
        return tokenAt[offset];
    }

    int clauseAt(int offset) {
        return clauseOfToken[tokenAt[offset]];
    }

    List<Token> tokens() {
        return tokens;
    }

    int clauseOfToken(int tokenIndex) {
        return clauseOfToken[tokenIndex];
    }

    int clauseCount() {
        return tokens.isEmpty() ? 0 : clauseOfToken[tokens.size() - 1] + 1;
    }
}
