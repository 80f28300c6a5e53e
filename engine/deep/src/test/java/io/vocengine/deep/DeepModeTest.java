package io.vocengine.deep;

import io.vocengine.engine.Engine;
import io.vocengine.engine.EngineConfig;
import io.vocengine.engine.deps.DependencyParser;
import io.vocengine.engine.model.Arc;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Token;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Keys;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepModeTest {
    private static final Engine DEEP = Engine.create(EngineConfig.defaults().withDeepMode());

    private static String arcs(String text) {
        Analysis a = DEEP.analyse(new Feedback("t", text, null, null, null, null, null, null, null, null, null, null,
                Map.of("domain", "phone")));
        List<Token> tokens = a.tokens();
        StringBuilder sb = new StringBuilder();
        for (Arc arc : a.get(Keys.DEPENDENCIES)) {
            sb.append(arc.relation()).append('(').append(tokens.get(arc.head()).text()).append(", ")
                    .append(tokens.get(arc.dependent()).text()).append(") ");
        }
        return sb.toString();
    }

    @Test
    void theParserIsFoundAndParsesHanLpTokens() {
        assertTrue(DependencyParser.installed().isPresent());
        assertTrue(arcs("屏幕还碎了").contains("nsubj(碎了, 屏幕)"), arcs("屏幕还碎了"));
        String neg = arcs("手机没有闪退，很流畅");
        assertTrue(neg.contains("闪退"), neg);
        assertTrue(arcs("😡我的手机屏幕昨天碎了").contains("屏幕"), () -> "emoji are left out, not fatal: " + arcs("😡我的手机屏幕昨天碎了"));
    }
}
