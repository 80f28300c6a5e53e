package io.vocengine.engine.tag;

import io.vocengine.engine.TestEngines;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Keys;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MentionModelStageTest {
    @Test
    void ruleConfidencesAreTheMeasuredPrecisionOfTheirKindWhereMeasured() {
        java.util.Map<String, Double> measured = io.vocengine.engine.bundle.ModelBundle.shipped("restaurant-mentions") == null
                ? java.util.Map.of() : new MentionModel(io.vocengine.engine.bundle.ModelBundle.shipped("restaurant-mentions")).ruleConfidence();
        Tag decoration = TestEngines.shared().analyse(new Feedback("t", "环境很好", null, null, null, null, null, null, null,
                null, null, null, Map.of("domain", "restaurant"))).tagging().tags().stream()
                .filter(t -> t.nodeId().equals("restaurant.environment.decoration")).findFirst().orElseThrow();
        assertTrue(decoration.source().contains("#regex#"), decoration.source());
        assertEquals(measured.get("regex"), decoration.confidence());
        Tag phone = TestEngines.shared().analyse(new Feedback("t", "屏幕碎了", null, null, null, null, null, null, null,
                null, null, null, Map.of("domain", "phone"))).tagging().tags().getFirst();
        assertEquals(0.9, phone.confidence()); // no measurement for the phone taxonomy: the fixed term value
    }

    @Test
    void theModelAddsWhatTheRulesMissAndSaysWhy() {
        String raw = "周末去的，人很多，菜品还可以";
        Analysis a = TestEngines.shared().analyse(new Feedback("t", raw, null, null, null, null, null, null, null, null,
                null, null, Map.of("domain", "restaurant")));
        List<Tag> model = a.tagging().tags().stream().filter(t -> t.source().startsWith("model:")).toList();
        assertFalse(model.isEmpty(), a.tagging().tags().toString());
        for (Tag t : model) {
            assertTrue(t.source().matches("model:restaurant-mentions@[0-9a-f]{12} p=0\\.\\d\\d \\[.+].*"), t.source());
            assertTrue(a.get(Keys.RULE_TAGS).tags().stream().noneMatch(r -> r.nodeId().startsWith(t.nodeId())),
                    "the model only adds nodes the rules did not tag: " + t);
            assertFalse(t.evidence().isEmpty());
            for (Span s : t.evidence()) assertTrue(t.source().contains(s.of(raw)), s.of(raw) + " in " + t.source());
        }
    }
}
