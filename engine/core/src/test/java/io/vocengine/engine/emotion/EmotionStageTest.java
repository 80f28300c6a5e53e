package io.vocengine.engine.emotion;

import io.vocengine.engine.TestEngines;
import io.vocengine.engine.bundle.BundleException;
import io.vocengine.engine.model.Emotion;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Token;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.taxonomy.Polarity;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmotionStageTest {
    private static Analysis analyse(String text) {
        return TestEngines.shared().analyse(new Feedback("t", text, null, null, null, null, null, null, null, null, null,
                null, Map.of()));
    }

    private static Emotion emotion(String text) {
        return analyse(text).get(Keys.EMOTION);
    }

    @Test
    void aMildComplaintAndAChurnThreatAreNotTheSameNegative() {
        Emotion mild = emotion("有点小贵");
        Emotion threat = emotion("我发誓再也不买你们家东西了！！！");
        assertTrue(mild.intensity() < threat.intensity(), mild + " vs " + threat);
        assertTrue(mild.severity() < threat.severity(), mild + " vs " + threat);
        // A churn flag alone puts severity at or above its weight, however the models read the words.
        assertTrue(threat.severity() >= RiskType.CHURN.weight(), threat.toString());
        assertEquals("negative", threat.polarity().json());
    }

    @Test
    void aSafetyReportIsSevereEvenWhenCalm() {
        Emotion e = emotion("充电时电池鼓包冒烟了");
        assertTrue(e.severity() >= RiskType.SAFETY.weight(), e.toString());
    }

    @Test
    void emojiCodesTheCleanerDropsStillRaiseTheirEmotion() {
        Analysis plain = analyse("还行吧");
        Analysis coded = analyse("还行吧[怒][怒]");
        assertEquals(plain.clean().text(), coded.clean().text(), "the cleaner drops the codes from the text");
        double before = plain.get(Keys.EMOTION).scores().get("anger"), after = coded.get(Keys.EMOTION).scores().get("anger");
        assertTrue(after > before, before + " -> " + after);
    }

    @Test
    void intensifiersRaiseAndDowntonersLowerTheDegree() {
        assertEquals(2.0, EmotionScorer.degree(tokens("非常", "太", "贵")));
        assertEquals(-1.5, EmotionScorer.degree(tokens("有点", "小", "贵")));
        assertEquals(0.0, EmotionScorer.degree(tokens("价格", "贵")));
    }

    @Test
    void everyLabelIsScoredAndOnlyThoseOverTheirThresholdAreKept() {
        EmotionModels models = EmotionModels.shipped();
        Emotion e = emotion("气死我了，客服态度太差，等了三天没人理");
        assertEquals(models.emotion().labels(), List.copyOf(e.scores().keySet()));
        for (String l : e.labels()) {
            if (l.equals(EmotionModels.NEUTRAL)) continue; // also the fallback when nothing is felt
            assertTrue(e.scores().get(l) >= models.threshold(models.emotion().labels().indexOf(l)), l + " in " + e);
        }
        assertTrue(e.labels().contains(e.primary()), e.toString());
        assertEquals(models.sources(), e.sources());
        for (double v : List.of(e.intensity(), e.severity(), e.positive())) assertTrue(v >= 0 && v <= 1, e.toString());
    }

    @Test
    void modelsWithTheWrongLabelsAreRefusedByName() {
        EmotionModels shipped = EmotionModels.shipped();
        BundleException swapped = assertThrows(BundleException.class,
                () -> new EmotionModels(shipped.emotion(), shipped.emotion(), Collections.nCopies(8, 0.5)));
        assertTrue(swapped.getMessage().contains("must have the labels [negative, positive]"), swapped.getMessage());
        BundleException noNeutral = assertThrows(BundleException.class,
                () -> new EmotionModels(shipped.polarity(), shipped.polarity(), Collections.nCopies(2, 0.5)));
        assertTrue(noNeutral.getMessage().contains("has no 'neutral' label"), noNeutral.getMessage());
    }

    /** The models would read padding and find feelings in it; such a text is neutral unless its cues say otherwise. */
    @Test
    void aTextWithNothingToReadIsNeutralUnlessItsCuesSayOtherwise() {
        for (String text : List.of("", "   ", "\u0001\u0002", "？？？", "。。。！！")) {
            Emotion e = emotion(text);
            assertEquals(8, e.scores().size(), text);
            assertEquals(List.of(EmotionModels.NEUTRAL), e.labels(), "'" + text + "': " + e);
            assertEquals(Polarity.NEUTRAL, e.polarity(), text);
            assertEquals(0.0, e.severity(), text);
        }
        Emotion angry = emotion("😡😡😡");
        assertEquals("anger", angry.primary(), angry.toString());
        assertEquals(Polarity.NEUTRAL, angry.polarity(), angry.toString());
        assertTrue(emotion("[怒]").labels().contains("anger"), emotion("[怒]").toString());
        assertTrue(EmotionScorer.readable("a") && EmotionScorer.readable("好") && EmotionScorer.readable("12315"));
    }

    /** The emotion model reads 160 characters at a time; a complaint after a long calm opening still counts. */
    @Test
    void aLongTextIsReadToItsEnd() {
        String complaint = "结果买到的东西质量太差了，气死我了，再也不来了！";
        String opening = "我是上个月在这家店下单的，当时看了很多家的介绍和参数，对比了价格和发货时间，最后选了这一家。".repeat(5);
        Emotion alone = emotion(complaint), late = emotion(opening + complaint), calm = emotion(opening);
        assertTrue(alone.labels().contains("anger"), alone.toString());
        // Read to 160 characters, the two texts were the same; the calm opening dilutes the end's window, but not away.
        assertTrue(late.scores().get("anger") > calm.scores().get("anger") + 0.15, calm + " vs " + late);
        assertTrue(late.scores().get("neutral") < calm.scores().get("neutral"), calm + " vs " + late);
        assertEquals(8, emotion("a".repeat(20_000)).scores().size());
    }

    private static List<Token> tokens(String... words) {
        List<Token> out = new java.util.ArrayList<>();
        int pos = 0;
        for (String w : words) {
            out.add(new Token(w, pos, pos + w.length()));
            pos += w.length();
        }
        return out;
    }
}
