package io.vocengine.engine.tag;

import io.vocengine.engine.model.Token;

import java.util.List;
import java.util.Set;

/**
 * Negation scope: a negator in the few words before a word, inside its clause, negates it; two negators cancel
 * (不是不好). Grammar, not domain vocabulary, so it lives in code rather than in the taxonomy.
 */
final class Negation {
    static final Set<String> NEGATORS = Set.of("不", "没", "没有", "未", "无", "别", "并非", "不算", "不太", "不怎么",
            "毫无", "从不", "从没", "并不", "不是", "非", "没什么", "不会", "木有", "并没有", "一点也不", "一点都不", "都不", "也不");
    private static final int WINDOW = 3;

    private Negation() {
    }

    /** True when the word starting at token {@code index} is negated an odd number of times. */
    static boolean isNegated(WordBoundaries words, int index) {
        List<Token> tokens = words.tokens();
        int clause = words.clauseOfToken(index);
        int count = 0;
        for (int i = index - 1; i >= 0 && i >= index - WINDOW && words.clauseOfToken(i) == clause; i--) {
            if (NEGATORS.contains(tokens.get(i).text())) count++;
        }
        return count % 2 == 1;
    }
}
