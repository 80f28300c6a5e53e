package io.vocengine.engine.demo;

import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phrase banks against the shipped taxonomies: planted talk must be tagged, everyday talk must not be. */
class PhraseBankTest {
    private static final int EXPANSIONS = 60;
    private static final Template.Slots SLOTS = new Template.Slots("保温杯", 5, 12);

    @Test
    void everyTopicNamesARealTaxonomyNodeOrIsMarkedInformal() {
        for (Domain d : Domain.values()) {
            Taxonomy taxonomy = TaxonomyLoader.loadShipped(d.id);
            for (Topic t : d.phrases().topics()) {
                if (t.node().startsWith("x.")) continue;
                assertTrue(taxonomy.nodes().containsKey(d.id + "." + t.node()), d.id + " has no node " + t.node());
            }
        }
    }

    @Test
    void plantedTemplatesAlwaysHitTheirNode() {
        List<Topic> planted = new ArrayList<>();
        for (Domain d : Domain.values()) {
            for (Topic t : d.phrases().topics()) {
                if (!t.planted() || t.tone() != Sentiment.NEGATIVE || t.node().startsWith("x.")) continue;
                planted.add(t);
                NodeMatcher m = NodeMatcher.of(d.id + "." + t.node());
                for (String template : t.templates()) {
                    Rand rand = Rand.stream(1, template);
                    for (int i = 0; i < EXPANSIONS; i++) {
                        String text = Template.expand(template, SLOTS, rand);
                        assertTrue(m.matches(text), m.nodeId + " does not match \"" + text + "\"");
                    }
                }
            }
        }
        assertEquals(4, planted.size(), "slow delivery, packaging damage, phone crash, phone slow repair: " + planted);
    }

    @Test
    void everydayTalkNeverCarriesAPlantedSignal() {
        assertSilent(Domain.ECOMMERCE, "ecommerce." + EcommercePhrases.SLOW_DELIVERY);
        assertSilent(Domain.ECOMMERCE, "ecommerce." + EcommercePhrases.PACKAGING_DAMAGED);
        assertSilent(Domain.PHONE, "phone." + PhonePhrases.CRASH);
        assertSilent(Domain.PHONE, "phone." + PhonePhrases.REPAIR_SLOW);
    }

    @Test
    void negationsAreWrittenButDoNotCount() {
        NodeMatcher slow = NodeMatcher.of("ecommerce." + EcommercePhrases.SLOW_DELIVERY);
        NodeMatcher damaged = NodeMatcher.of("ecommerce." + EcommercePhrases.PACKAGING_DAMAGED);
        NodeMatcher crash = NodeMatcher.of("phone." + PhonePhrases.CRASH);
        assertFalse(slow.matches("物流不算慢"));
        assertFalse(damaged.matches("包装没有破损，东西完好"));
        assertFalse(crash.matches("用了一个月没有闪退"));
        assertTrue(slow.matches("物流太慢了，5天才到"));
        assertTrue(damaged.matches("快递把盒子压扁了，里面的东西也摔坏了😡"));
        assertTrue(banksContain("物流{不算慢|一点也不慢}"));
        assertTrue(banksContain("包装没有破损，{东西完好|放心了}"));
        assertTrue(banksContain("用了{一个月|两个月}{没有闪退|一次都没卡过}"));
    }

    @Test
    void everyTemplateExpandsCleanly() {
        for (Domain d : Domain.values()) {
            PhraseBank b = d.phrases();
            List<String> all = new ArrayList<>(b.openers());
            b.topics().forEach(t -> all.addAll(t.templates()));
            for (String template : all) {
                String text = Template.expand(template, SLOTS, Rand.stream(2, template));
                assertFalse(text.contains("{") || text.contains("}") || text.isBlank(), template + " -> " + text);
            }
        }
    }

    @Test
    void numbersAreWrittenLikeCustomersWriteThem() {
        assertEquals("两", Template.chinese(2));
        assertEquals("十二", Template.chinese(12));
        assertEquals("二十", Template.chinese(20));
        assertEquals("三十", Template.chinese(30));
    }

    private static void assertSilent(Domain d, String nodeId) {
        NodeMatcher m = NodeMatcher.of(nodeId);
        List<String> all = new ArrayList<>(d.phrases().openers());
        all.addAll(d.phrases().positiveClosers());
        all.addAll(d.phrases().negativeClosers());
        all.addAll(d.phrases().mixedClosers());
        for (Topic t : d.phrases().topics()) if (!t.planted()) all.addAll(t.templates());
        for (String template : all) {
            Rand rand = Rand.stream(3, template);
            for (int i = 0; i < EXPANSIONS; i++) {
                String text = Template.expand(template, SLOTS, rand);
                assertFalse(m.matches(text), nodeId + " wrongly matches everyday text \"" + text + "\"");
            }
        }
    }

    private static boolean banksContain(String template) {
        for (Domain d : Domain.values()) {
            for (Topic t : d.phrases().topics()) if (t.templates().contains(template)) return true;
        }
        return false;
    }
}
