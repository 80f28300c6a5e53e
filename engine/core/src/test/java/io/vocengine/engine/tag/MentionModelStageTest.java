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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MentionModelStageTest {
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
