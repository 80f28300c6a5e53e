package io.vocengine.taxonomy;

import java.util.List;

/**
 * How a node is recognised. All lists are immutable.
 *
 * @param priority  breaks ties when two nodes claim the same term; higher wins
 * @param terms     phrases that alone evidence the node (碎屏, 闪退)
 * @param aspects   aspect words (包装, 客服); with {@code opinions} they must co-occur in one clause
 * @param opinions  opinion words paired with an aspect in the same clause (破损, 压扁)
 * @param regex     Java regular expressions over the cleaned text
 * @param exclude   phrases that, in the same clause, veto a match (包装完好)
 * @param opposite  global id of the node a negated or rhetorically questioned mention means instead
 *                  (不流畅, 这还叫流畅？ → 卡顿); null when a negated mention simply is no tag
 */
public record NodeRules(int priority, List<String> terms, List<String> aspects, List<String> opinions,
                        List<String> regex, List<String> exclude, String opposite) {
    public NodeRules {
        terms = List.copyOf(terms);
        aspects = List.copyOf(aspects);
        opinions = List.copyOf(opinions);
        regex = List.copyOf(regex);
        exclude = List.copyOf(exclude);
    }

    public boolean isEmpty() {
        return terms.isEmpty() && aspects.isEmpty() && regex.isEmpty();
    }
}
