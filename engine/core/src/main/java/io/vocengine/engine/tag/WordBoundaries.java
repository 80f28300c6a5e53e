package io.vocengine.engine.tag;

import io.vocengine.engine.model.Clause;
import io.vocengine.engine.model.Token;
import io.vocengine.engine.segment.Segmenter;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Word and clause structure of one cleaned text, computed once per item. Word boundaries are the tokens' plus those
 * of dictionary sub-words inside compounds (屏幕显示 → 屏幕, 显示), the same split the index uses. The clauses come
 * from the split stage; they bound where an aspect pairs with an opinion and how far a negation reaches. Per-item,
 * not shared.
 */
final class WordBoundaries {
    private static final List<String> RHETORICAL_MARKERS = List.of("难道", "也叫", "还叫", "也算", "谁还", "谁会",
            "怎么可能", "哪有", "哪里");
    private final List<Token> tokens;
    private final BitSet starts = new BitSet();
    private final BitSet ends = new BitSet();
    /** Token index that starts at each char offset; -1 elsewhere. */
    private final int[] tokenAt;
    private final List<Clause> clauses;
    /** Clauses that ask a rhetorical question (这也叫好吃？ 难道不贵吗？): they deny what they name. */
    private final BitSet rhetorical = new BitSet();
    /** Clause index of each token; a mark before the first clause counts with it. */
    private final int[] clauseOfToken;

    WordBoundaries(String text, List<Token> tokens, List<Clause> clauses, Segmenter segmenter) {
        this.tokens = tokens;
        this.clauses = clauses;
        this.tokenAt = new int[text.length() + 1];
        Arrays.fill(tokenAt, -1);
        this.clauseOfToken = new int[tokens.size()];
        for (int c = 0; c < clauses.size(); c++) {
            String clauseText = text.substring(clauses.get(c).start(), clauses.get(c).end());
            if (clauseText.indexOf('?') >= 0 && RHETORICAL_MARKERS.stream().anyMatch(clauseText::contains)) rhetorical.set(c);
        }
        int clause = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            while (clause + 1 < clauses.size() && t.start() >= clauses.get(clause).end()) clause++;
            clauseOfToken[i] = clause;
            starts.set(t.start());
            ends.set(t.end());
            tokenAt[t.start()] = i;
            int degree = Math.max(Degree.prefixLength(t.text()), Negation.prefixLength(t.text())); // 太贵, 不好 hold 贵, 好
            if (degree > 0) {
                starts.set(t.start() + degree);
                if (tokenAt[t.start() + degree] < 0) tokenAt[t.start() + degree] = i;
            }
            for (int[] sub : segmenter.subwords(t.text())) {
                starts.set(t.start() + sub[0]);
                ends.set(t.start() + sub[1]);
                if (tokenAt[t.start() + sub[0]] < 0) tokenAt[t.start() + sub[0]] = i;
            }
        }
    }

    /** Index of the first token starting at or after {@code offset}; -1 when none. */
    int tokenAfter(int offset) {
        int lo = 0, hi = tokens.size(); // tokens are in text order: the first start >= offset, by bisection
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo < tokens.size() ? lo : -1;
    }

    /** The first word start at or after {@code from}; -1 when none. */
    int nextStart(int from) {
        return starts.nextSetBit(from);
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

    boolean isRhetorical(int clause) {
        return rhetorical.get(clause);
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
        return Math.max(1, clauses.size());
    }
}
