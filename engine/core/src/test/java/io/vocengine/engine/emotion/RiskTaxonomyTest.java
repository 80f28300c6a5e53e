package io.vocengine.engine.emotion;

import io.vocengine.engine.TestEngines;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.tag.TaxonomyExamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskTaxonomyTest {
    private static List<Tag> risks(String text) {
        Feedback f = new Feedback("t", text, null, null, null, null, null, null, null, null, null, null, Map.of());
        return TestEngines.shared().analyse(f).get(Keys.RISKS).tags();
    }

    @Test
    void everyExampleOfTheRiskTaxonomyHolds() {
        List<String> failing = TaxonomyExamples.run(TestEngines.shared(), RiskTaxonomy.shipped(), Keys.RISKS).stream()
                .filter(c -> !c.holds()).map(TaxonomyExamples.Check::problem).toList();
        assertEquals(List.of(), failing);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "我发誓再也不买你们家东西了|risk.churn.never_again",
            "有点小贵|",
            "再不给我解决我就打12315投诉|risk.regulator.authority",
            "充电的时候电池鼓包还冒烟，太吓人了|risk.safety.fire",
            "用了三年从来没有漏电过|",
            "夜景模式曝光过度|",
            "律师函已经在路上了|risk.legal.lawsuit",
            "吃了他家的外卖上吐下泻|risk.safety.food",
            "退货很方便|",
            "开着开着刹车失灵，差点出事故|risk.safety.vehicle",
    })
    void flagsRisksNegationAware(String text, String expected) {
        List<String> ids = risks(text).stream().map(Tag::nodeId).toList();
        assertEquals(expected == null ? List.of() : List.of(expected), ids, text);
    }

    @Test
    void aFlagCarriesItsEvidenceAndRule() {
        String text = "质量太差，我要找媒体曝光你们";
        Tag t = risks(text).get(0);
        assertEquals(RiskType.REGULATOR, RiskType.of(t.nodeId()));
        Span e = t.evidence().get(0);
        assertTrue(List.of("媒体", "曝光").contains(e.of(text)), e.of(text));
        assertTrue(t.source().startsWith("rule:risk.regulator.media#"), t.source());
    }
}
