package io.vocengine.engine.tag;

import io.vocengine.engine.EngineConfig;
import io.vocengine.taxonomy.TaxonomyLoader;
import io.vocengine.taxonomy.TaxonomyNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class RegexRuleTest {
    private static String at(String regex, String text, int start) {
        Matcher m = new RegexRule(null, 0, regex).matchAt(text, start);
        return m == null ? null : m.group();
    }

    @Test
    void matchesStartExactlyWhereAsked() {
        assertEquals("不太方便", at("不(太|是很)?方便", "交通不太方便", 2));
        assertNull(at("不(太|是很)?方便", "交通不太方便", 0));
        assertEquals("环境不错", at("(就餐|用餐)?环境(也|还)?(不错|好)", "总体环境不错", 2));
        assertEquals("5折", at("\\d(\\.\\d)?折", "全场5折", 2));
        assertEquals("等了很久", at("(?<!不)等了(很久|好久)", "等了很久", 0));
        assertNull(at("(?<!不)等了(很久|好久)", "不等了很久", 1)); // the look-behind sees before the start
        assertEquals("VIP", at("vip", "VIP", 0)); // case-insensitive, first characters too
    }

    /** The first-character shortcut must never lose a match: check it on every shipped regex and example. */
    @Test
    void theFirstCharacterShortcutNeverHidesAMatch() {
        List<String> texts = new ArrayList<>();
        List<String> regexes = new ArrayList<>();
        for (String name : EngineConfig.SHIPPED_TAXONOMIES) {
            for (TaxonomyNode n : TaxonomyLoader.loadShipped(name).nodes().values()) {
                regexes.addAll(n.rules().regex());
                texts.addAll(n.examples().positive());
                texts.addAll(n.examples().negative());
            }
        }
        assertNotNull(regexes.isEmpty() ? null : regexes);
        for (String regex : regexes) {
            RegexRule rule = new RegexRule(null, 0, regex);
            for (String text : texts) {
                for (int i = 0; i < text.length(); i++) {
                    Matcher plain = rule.pattern().matcher(text).region(i, text.length()).useTransparentBounds(true)
                            .useAnchoringBounds(false);
                    boolean expected = plain.lookingAt() && plain.end() > i;
                    assertEquals(expected, rule.matchAt(text, i) != null, regex + " at " + i + " of " + text);
                }
            }
        }
    }
}
