package io.vocengine.eval;

import io.vocengine.engine.testdata.SharedData;
import io.vocengine.eval.datasets.LabelledTexts;
import io.vocengine.eval.datasets.Splits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every document-level dataset loads whole, with every label mapped, and its committed test split selects rows. */
@Tag(SharedData.TAG)
class LabelledTextsTest {
    private static final Set<String> EMOTIONS = Set.of("joy", "like", "anger", "sadness", "fear", "disgust", "surprise", "neutral");

    private static Map<String, Integer> counts(List<LabelledTexts.Item> items) {
        Map<String, Integer> c = new TreeMap<>();
        for (LabelledTexts.Item i : items) c.merge(i.label(), 1, Integer::sum);
        return c;
    }

    @Test
    void polarityDatasetsMatchTheirProvenance() throws IOException {
        List<LabelledTexts.Item> shopping = LabelledTexts.onlineShopping(SharedData.require("online-shopping-10-cats/online_shopping_10_cats.csv"));
        assertEquals(62774, shopping.size());
        List<LabelledTexts.Item> waimai = LabelledTexts.waimai(SharedData.require("waimai-10k/waimai_10k.csv"));
        assertEquals(Map.of("negative", 7987, "positive", 4000), counts(waimai));
        List<LabelledTexts.Item> test = LabelledTexts.select(waimai, Splits.read(SharedData.repoRoot().resolve("eval/splits/waimai-10k"), "test"));
        assertEquals(1198, test.size());
    }

    @Test
    void emotionDatasetsMapOntoTheEmotionScheme() throws IOException {
        List<LabelledTexts.Item> nlpcc = LabelledTexts.nlpcc2013(SharedData.require("nlpcc2013-weibo-emotion/Nlpcc2013Train.tsv"));
        assertEquals(13250, nlpcc.size());
        assertEquals(8313, counts(nlpcc).get("neutral"));
        List<LabelledTexts.Item> smp = LabelledTexts.smp2020(SharedData.require("smp2020-ewect/usual_test_labeled.txt"));
        assertEquals(Map.of("anger", 1508, "joy", 1018, "neutral", 990, "sadness", 900, "surprise", 374, "fear", 210), counts(smp));
        assertTrue(EMOTIONS.containsAll(counts(nlpcc).keySet()) && EMOTIONS.containsAll(counts(smp).keySet()));
        assertEquals("usual_test_labeled.txt#1", smp.getFirst().id());
    }
}
