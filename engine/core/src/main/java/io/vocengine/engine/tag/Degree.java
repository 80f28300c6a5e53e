package io.vocengine.engine.tag;

import java.util.List;

/**
 * Degree adverbs that HanLP often fuses with the adjective after them (太贵, 很快, 挺好用): the rules and the
 * lexicon look through them, so 保养太贵了 pairs 保养 with 贵 and reads negative. Longest prefixes first.
 */
final class Degree {
    private static final List<String> PREFIXES = List.of("非常", "特别", "比较", "有点", "相当", "十分", "超级",
            "很", "太", "挺", "超", "特", "真", "蛮", "巨", "贼", "好", "最", "更", "较", "老");

    private Degree() {
    }

    /** Length of the degree adverb that starts {@code word} and leaves something after it; 0 when there is none. */
    static int prefixLength(String word) {
        for (String p : PREFIXES) {
            if (word.length() > p.length() && word.startsWith(p)) return p.length();
        }
        return 0;
    }
}
