package io.vocengine.engine.tag;

import io.vocengine.engine.TestEngines;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.taxonomy.Polarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleTaggerTest {
    private static Analysis analyse(String domain, String text) {
        Feedback f = new Feedback("t", text, null, null, null, null, null, null, null, null, null, null,
                Map.of("domain", domain));
        return TestEngines.shared().analyse(f);
    }

    private static List<String> ids(Analysis a) {
        return a.tagging().tags().stream().map(Tag::nodeId).toList();
    }

    @Test
    void packagingDamageAndBrokenScreenWithRawEvidence() {
        String raw = "快递把手机盒子压扁了，屏幕还碎了😡";
        Analysis a = analyse("ecommerce", raw);
        Tag damaged = a.tagging().tags().stream()
                .filter(t -> t.nodeId().equals("ecommerce.logistics.packaging.damaged")).findFirst().orElseThrow();
        assertEquals(List.of("物流", "包装", "破损"), damaged.path());
        assertEquals(Polarity.NEGATIVE, damaged.polarity());
        assertEquals(List.of("盒子压扁"), damaged.evidence().stream().map(s -> s.of(raw)).toList());
        assertEquals("rule:ecommerce.logistics.packaging.damaged#term(盒子压扁)", damaged.source());
        Tag paired = analyse("ecommerce", "箱子都破了").tagging().tags().get(0);
        assertEquals("rule:ecommerce.logistics.packaging.damaged#pair(箱子+破了)", paired.source());
        assertEquals(List.of(new Span(0, 2), new Span(3, 5)), paired.evidence());
        assertTrue(ids(analyse("phone", raw)).contains("phone.quality.screen.broken"));
    }

    @Test
    void evidenceOffsetsPointIntoRawTextEvenAfterFullWidthCleaning() {
        String raw = "　ＯＫ，包装  破损！！";
        Analysis a = analyse("ecommerce", raw);
        Tag t = a.tagging().tags().get(0);
        for (Span s : t.evidence()) assertTrue(List.of("包装", "破损").contains(s.of(raw)), s.of(raw));
    }

    @ParameterizedTest(name = "{0} -> not {1}")
    @CsvSource({
            "phone, 用了一个月没有闪退, phone.quality.system.crash",
            "ecommerce, 包装没有破损, ecommerce.logistics.packaging.damaged",
            "ecommerce, 物流不算慢, ecommerce.logistics.speed.slow",
            "ecommerce, 物流一点都不快, ecommerce.logistics.speed.fast",
            "ecommerce, 包装完好无损, ecommerce.logistics.packaging.damaged",
            "ecommerce, 不是假货, ecommerce.authenticity.fake",
    })
    void negatedOrExcludedProblemsAreNotTagged(String domain, String text, String node) {
        assertFalse(ids(analyse(domain, text)).contains(node), () -> ids(analyse(domain, text)).toString());
    }

    @Test
    void contrastClausesKeepEachAspectsOwnPolarity() {
        Analysis a = analyse("ecommerce", "物流很快，但是客服态度太差了");
        Map<String, Polarity> byNode = new HashMap<>();
        for (Tag t : a.tagging().tags()) byNode.put(t.nodeId(), t.polarity());
        assertEquals(Polarity.POSITIVE, byNode.get("ecommerce.logistics.speed.fast"), byNode.toString());
        assertEquals(Polarity.NEGATIVE, byNode.get("ecommerce.service.attitude"), byNode.toString());
    }

    @Test
    void doubleNegationIsPositive() {
        Analysis a = analyse("ecommerce", "客服态度不是不好");
        assertEquals(Polarity.POSITIVE, a.tagging().tags().get(0).polarity());
    }

    @Test
    void everyTagIsStampedWithItsTaxonomyVersion() {
        Analysis a = analyse("ecommerce", "有点小贵");
        assertEquals(1, a.tagging().taxonomies().size());
        assertTrue(a.tagging().taxonomies().get(0).matches("ecommerce@[0-9a-f]{12}"));
        assertEquals(List.of("ecommerce.price.expensive"), ids(a));
    }

    @Test
    void aSpecificProblemBeatsAWeakerMentionOfTheSameWords() {
        assertEquals(List.of("phone.quality.screen.broken"), ids(analyse("phone", "屏幕还碎了")));
    }

    @Test
    void caseDoesNotMatterAndDottedCapitalIDoesNotBreakOffsets() {
        assertTrue(ids(analyse("auto", "4s店态度差")).contains("auto.sales.dealer"));
        String raw = "İ快递盒子压扁了";
        Tag t = analyse("ecommerce", raw).tagging().tags().get(0);
        assertEquals("盒子压扁", t.evidence().get(0).of(raw));
    }

    @Test
    void lineBreaksEndClausesSoNegationAndPairsStayInside() {
        assertTrue(ids(analyse("phone", "发票没有\n闪退严重")).contains("phone.quality.system.crash"));
    }

    @Test
    void aNegatorThatBelongsToAnotherVerbDoesNotCancelTheProblem() {
        assertTrue(ids(analyse("phone", "不小心屏幕碎了")).contains("phone.quality.screen.broken"));
        assertTrue(ids(analyse("phone", "不知道为什么屏幕碎了")).contains("phone.quality.screen.broken"));
        assertFalse(ids(analyse("phone", "屏幕一点都没有碎")).contains("phone.quality.screen.broken"));
    }

    @Test
    void traditionalTextIsTaggedLikeSimplifiedWithEvidenceInTheRawCharacters() {
        String raw = "物流很快，但是客服態度太差了";
        Tag t = analyse("ecommerce", raw).tagging().tags().stream()
                .filter(x -> x.nodeId().equals("ecommerce.service.attitude")).findFirst().orElseThrow();
        assertEquals(Polarity.NEGATIVE, t.polarity());
        assertEquals("客服", t.evidence().get(0).of(raw));
        assertTrue(ids(analyse("ecommerce", "包裝破損")).contains("ecommerce.logistics.packaging.damaged"));
    }
}
