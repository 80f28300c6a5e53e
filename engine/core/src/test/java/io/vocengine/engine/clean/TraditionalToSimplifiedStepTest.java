package io.vocengine.engine.clean;

import io.vocengine.engine.model.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TraditionalToSimplifiedStepTest {
    private final TraditionalToSimplifiedStep step = new TraditionalToSimplifiedStep();

    @Test
    void traditionalCharactersAndWordsBecomeSimplifiedWithExactOffsets() {
        String raw = "包裝破損，客服態度太差";
        Rewrite r = step.apply(raw);
        assertEquals("包装破损，客服态度太差", r.text());
        assertEquals(new Span(1, 2), r.toInput().toSource(1, 2));
        assertEquals("態", r.toInput().toSource(7, 8).of(raw));
    }

    @Test
    void taiwanAndHongKongVariantsAreNormalised() {
        assertEquals("出租车很难叫", step.apply("計程車很難叫").text());
        assertEquals("信息不透明", step.apply("資訊不透明").text());
    }

    @Test
    void aLengthChangingReplacementMapsToTheWholeSourceSpan() {
        String raw = "我用中間件";
        Rewrite r = step.apply(raw);
        assertEquals(raw.length(), r.toInput().toSource(0, r.text().length()).end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"快递把盒子压扁了，屏幕还碎了", "客服态度很好", "iPhone 15 Pro Max 256G ¥2999", "😡😡", ""})
    void simplifiedTextIsLeftAlone(String text) {
        assertNull(step.apply(text));
    }
}
