package io.vocengine.engine.tag;

import io.vocengine.engine.model.Token;

import java.util.List;
import java.util.Set;

/**
 * Negation scope: negators directly before a word negate it, with only degree and filler words allowed between
 * (没有闪退, 一点都不快, 不是很好); an odd number of negators negates, an even number cancels (不是不好). A negator
 * further away belongs to another predicate: in 不小心屏幕碎了 the 不 negates 小心, not 碎.
 * Grammar, not domain vocabulary, so it lives in code rather than in the taxonomy.
 */
final class Negation {
    static final Set<String> NEGATORS = Set.of("不", "没", "没有", "未", "无", "并非", "不算", "不太", "不怎么",
            "毫无", "从不", "从没", "并不", "不是", "非", "没什么", "不会", "木有", "并没有", "一点也不", "一点都不", "都不", "也不");
    /** Words that may stand between a negator and what it negates. */
    private static final Set<String> BETWEEN = Set.of("很", "太", "那么", "这么", "特别", "非常", "十分", "怎么", "是",
            "都", "也", "还", "算", "有", "一点", "有点", "完全", "根本", "真的", "再", "会", "能", "就");

    private Negation() {
    }

    /** True when the word starting at token {@code index} is negated an odd number of times. */
    static boolean isNegated(WordBoundaries words, int index) {
        List<Token> tokens = words.tokens();
        int clause = words.clauseOfToken(index);
        int count = 0;
        for (int i = index - 1; i >= 0 && words.clauseOfToken(i) == clause; i--) {
            String w = tokens.get(i).text();
            if (NEGATORS.contains(w)) count++;
            else if (!BETWEEN.contains(w)) break;
        }
        return count % 2 == 1;
    }
}
