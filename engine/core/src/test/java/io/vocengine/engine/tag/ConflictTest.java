package io.vocengine.engine.tag;

import io.vocengine.engine.Engine;
import io.vocengine.engine.EngineConfig;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Tag;
import io.vocengine.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConflictTest {
    @Test
    void aChildWithAWeakerRuleStillBeatsItsParentOnTheSameWords() {
        String yaml = """
                taxonomy:
                  id: t
                  name: 测试
                nodes:
                  - id: screen
                    name: 屏幕
                    terms: [屏幕问题]
                  - id: screen.issue
                    parent: screen
                    name: 屏幕问题
                    aspects: [屏幕]
                """;
        Engine e = Engine.create(new EngineConfig(List.of(TaxonomyLoader.parse("t.yaml",
                yaml.getBytes(StandardCharsets.UTF_8))), 1000));
        List<String> ids = e.analyse(Feedback.of("1", "屏幕问题很多")).tagging().tags().stream().map(Tag::nodeId).toList();
        assertEquals(List.of("t.screen.issue"), ids);
    }
}
