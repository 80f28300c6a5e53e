package io.vocengine.engine.tag;

import io.vocengine.engine.TestEngines;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.taxonomy.Polarity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AspectPolarityStageTest {
    private static Analysis analyse(String domain, String text) {
        return TestEngines.shared().analyse(new Feedback("t", text, null, null, null, null, null, null, null, null, null,
                null, Map.of("domain", domain)));
    }

    private static Tag tag(Analysis a, String node) {
        return a.tagging().tags().stream().filter(t -> t.nodeId().equals(node)).findFirst().orElseThrow(
                () -> new AssertionError(node + " not in " + a.tagging().tags()));
    }

    @Test
    void theModelDecidesRestaurantAspectPolarityAndSaysSo() {
        Analysis a = analyse("restaurant", "服务员态度特别差，等了半天没人理");
        Tag staff = tag(a, "restaurant.service.waiters_attitude");
        assertEquals(Polarity.NEGATIVE, staff.polarity());
        assertTrue(staff.source().matches("rule:restaurant\\.service\\.waiters_attitude#.*; polarity model:"
                + "restaurant-aspect-polarity@[0-9a-f]{12} p=0\\.\\d\\d"), staff.source());
        assertEquals(Polarity.POSITIVE, tag(analyse("restaurant", "味道很好，下次还来"), "restaurant.dish.taste").polarity());
    }

    @Test
    void rulesAloneWhereNoModelServesTheTaxonomyOrTheNodeFixesItsPolarity() {
        Analysis a = analyse("ecommerce", "快递把盒子压扁了");
        assertEquals(a.get(Keys.RULE_TAGS), a.tagging());
        assertTrue(a.tagging().tags().stream().noneMatch(t -> t.source().contains("polarity model")));
    }
}
