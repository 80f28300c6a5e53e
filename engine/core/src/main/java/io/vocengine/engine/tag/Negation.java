package io.vocengine.engine.tag;

import io.vocengine.engine.model.Token;

import java.util.List;
import java.util.Set;

/**
 * Negation scope: negators directly before a word negate it, with only degree and filler words allowed between
 * (没有闪退, 一点都不快, 不是很好); an odd number of negators negates, an even number cancels (不是不好). A negator
 * further away belongs to another predicate: in 不小心屏幕碎了 the 不 negates 小心, not 碎. A problem can also be
 * denied after it, at the end of its clause: 异响一次都没有, 卡顿也没有了.
 * Grammar, not domain vocabulary, so it lives in code rather than in the taxonomy.
 */
final class Negation {
    static final Set<String> NEGATORS = Set.of("不", "没", "没有", "未", "无", "并非", "不算", "不太", "不怎么",
            "毫无", "从不", "从没", "并不", "不是", "非", "没什么", "不会", "木有", "并没有", "一点也不", "一点都不", "都不", "也不",
            "从来不", "从来没", "从来没有", "绝不", "决不", "并没", "没怎么", "还没", "还没有", "没能", "不能",
            "没有任何", "没有什么", "毫无任何");
    /** Words that may stand between a negator and what it negates. */
    private static final Set<String> BETWEEN = Set.of("很", "太", "那么", "这么", "特别", "非常", "十分", "怎么", "是",
            "都", "也", "还", "算", "有", "一点", "有点", "完全", "根本", "真的", "再", "会", "能", "就", "任何", "什么",
            "啥", "被", "过", "丝毫", "一丝", "一次", "从来", "出现", "发现", "遇到", "碰到", "感觉", "觉得", "说");

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

    /** Length of a one-character negator that opens a fused word (不好, 没用), leaving a word after it; else 0. */
    static int prefixLength(String word) {
        return word.length() > 1 && (word.charAt(0) == '不' || word.charAt(0) == '没' || word.charAt(0) == '无') ? 1 : 0;
    }

    /**
     * True when the word at {@code offset} sits inside a token that a negator opens: HanLP keeps 不方便 and 不是正品
     * whole, and the rule word 方便 matches inside it.
     */
    static boolean isNegatedWithin(WordBoundaries words, int offset) {
        int index = words.tokenIndexAt(offset);
        Token t = words.tokens().get(index);
        return t.start() < offset && NEGATORS.contains(t.text().substring(0, offset - t.start()));
    }

    /** What may stand between a problem word and a denial that ends its clause (异响一次都没有). */
    private static final Set<String> BEFORE_DENIAL = Set.of("都", "也", "一次", "一", "次", "一点", "从来", "完全", "根本", "再",
            "还", "基本", "几乎", "就", "已经", "倒是", "真的", "一个", "一只", "一根", "一条", "一处", "一块", "个", "只",
            "根", "条", "处", "块", "的", "情况", "问题", "毛病", "现象", "感", "什么", "什么的", "之类", "之类的", "等");
    private static final Set<String> DENIALS = Set.of("没有", "没", "无", "木有", "没了", "不存在");
    private static final Set<String> PARTICLES = Set.of("了", "过", "啊", "呀", "哦", "的", "呢", "啦", "哈");

    /** True when the clause ends by denying what comes before {@code next}, the first token after the word. */
    static boolean isDeniedAfter(WordBoundaries words, int next) {
        List<Token> tokens = words.tokens();
        if (next <= 0 || next >= tokens.size()) return false;
        int clause = words.clauseOfToken(next - 1);
        int i = next;
        while (i < tokens.size() && words.clauseOfToken(i) == clause && BEFORE_DENIAL.contains(tokens.get(i).text())) i++;
        if (i >= tokens.size() || words.clauseOfToken(i) != clause || !DENIALS.contains(tokens.get(i).text())) return false;
        for (i++; i < tokens.size() && words.clauseOfToken(i) == clause; i++) {
            Token t = tokens.get(i);
            if (!t.isPunctuation() && !PARTICLES.contains(t.text())) return false;
        }
        return true;
    }
}
