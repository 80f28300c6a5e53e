package io.vocengine.engine.dedup;

import io.vocengine.engine.clean.CleanStage;
import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Duplicate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NearDuplicateIndexTest {
    private final CleanStage cleaner = new CleanStage(CleanStage.defaultSteps(), CleanStage.defaultChecks(), 10_000);

    private Duplicate observe(NearDuplicateIndex index, String id, String text) {
        CleanText c = cleaner.clean(text);
        return index.observe(id, text, c);
    }

    @Test
    void copiesUpToPunctuationEmojiAndAFewCharactersShareTheFirstItemsCluster() {
        NearDuplicateIndex index = new NearDuplicateIndex(Deduplicator.DEFAULT_THRESHOLD);
        assertFalse(observe(index, "a", "快递把盒子压扁了，里面的杯子也摔碎了，太让人失望了").isCopy("a"));
        assertEquals("a", observe(index, "b", "快递把盒子压扁了!!里面的杯子也摔碎了😡太让人失望了").clusterId());
        Duplicate near = observe(index, "c", "快递把箱子压扁了，里面的杯子也摔碎了，太让人失望了");
        assertEquals("a", near.clusterId());
        assertTrue(near.similarity() >= Deduplicator.DEFAULT_THRESHOLD && near.similarity() < 1.0, "similarity " + near.similarity());
        assertEquals("d", observe(index, "d", "客服态度很好，耐心解答了所有问题，物流也很快").clusterId());
    }

    @Test
    void shortTextsCountOnlyWhenIdentical() {
        NearDuplicateIndex index = new NearDuplicateIndex(Deduplicator.DEFAULT_THRESHOLD);
        observe(index, "1", "好评");
        assertEquals("1", observe(index, "2", "好评！").clusterId());
        assertEquals("3", observe(index, "3", "差评").clusterId());
        assertEquals("4", observe(index, "4", "😡😡").clusterId());
        assertEquals("4", observe(index, "5", " 😡😡").clusterId()); // no letters: the same symbols are a copy
        assertEquals("6", observe(index, "6", "👍").clusterId());
        assertEquals("7", observe(index, "7", " ").clusterId()); // nothing to compare: its own cluster
    }

    @Test
    void clustersDoNotDependOnWhatCameBeforeOtherThanOrder() {
        String[] texts = {"物流很快，包装完好，东西不错", "物流很快包装完好东西不错！", "屏幕有坏点，申请换货"};
        NearDuplicateIndex first = new NearDuplicateIndex(Deduplicator.DEFAULT_THRESHOLD);
        NearDuplicateIndex second = new NearDuplicateIndex(Deduplicator.DEFAULT_THRESHOLD);
        for (int i = 0; i < texts.length; i++) {
            assertEquals(observe(first, "x" + i, texts[i]), observe(second, "x" + i, texts[i]));
        }
    }
}
