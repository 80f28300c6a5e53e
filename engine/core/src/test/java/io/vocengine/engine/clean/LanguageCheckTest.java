package io.vocengine.engine.clean;

import io.vocengine.engine.model.Flag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vocengine.engine.clean.CheckCases.assertFlagged;
import static io.vocengine.engine.clean.CheckCases.assertNotFlagged;
import static io.vocengine.engine.clean.CheckCases.flags;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageCheckTest {
    private final LanguageCheck check = new LanguageCheck();

    @Test
    void englishJapaneseKoreanAndOtherLanguagesAreFlagged() {
        assertFlagged(check, Flag.NON_CHINESE, List.of(
                "The delivery was late and the box was damaged",
                "Excellent product, works as described",
                "Not worth the money at all",
                "Customer service was very helpful",
                "Battery life is terrible",
                "Fast shipping, good seller",
                "商品はとても良かったです",
                "配送が早くて助かりました",
                "サイズがちょっと小さい",
                "배송이 너무 늦어요 다시는 안 사요",
                "정말 만족합니다 감사합니다",
                "배송이 빠르고 품질이 좋아요 추천합니다",
                "Le produit est arrivé cassé",
                "El producto es muy bueno",
                "Das Produkt ist sehr gut"));
    }

    @Test
    void chineseMixedShortAndPinyinTextsAreNotFlagged() {
        assertNotFlagged(check, List.of(
                "物流很快，质量不错",
                "iPhone的屏幕很好",
                "Apple Watch Ultra 2 真香",
                "华为Mate60 Pro信号比iPhone好太多了",
                "ok",
                "good",
                "very good",
                "666",
                "哈哈哈",
                "很好",
                "zhe ge dong xi hen hao yong",
                "hen bu cuo xie xie",
                "nice nice nice nice",
                "物流很快！！Very good quality，五星",
                "AirPods Pro降噪效果很好，就是续航一般"));
    }

    @Test
    void reasonNamesTheLanguageAndConfidence() {
        String reason = flags(check, "The delivery was late and the box was damaged").getFirst().reason();
        assertTrue(reason.startsWith("detected language eng (confidence "), reason);
    }
}
