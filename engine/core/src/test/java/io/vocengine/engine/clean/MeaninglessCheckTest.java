package io.vocengine.engine.clean;

import io.vocengine.engine.model.Flag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vocengine.engine.clean.CheckCases.assertFlagged;
import static io.vocengine.engine.clean.CheckCases.assertNotFlagged;
import static io.vocengine.engine.clean.CheckCases.flags;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MeaninglessCheckTest {
    private final MeaninglessCheck check = new MeaninglessCheck();

    @Test
    void mashingAndTextsWithoutWordsAreFlagged() {
        assertFlagged(check, Flag.MEANINGLESS, List.of(
                "asdfgh", "qwerty", "jjjjjjj", "123123123", "zxcvbn", "asdfghjkl", "ssssss", "jkjkjk", "。。。。。。",
                "？？？？", "👍👍👍", "😡😡😡！！！", "sdfjkl bcdfgh", "ＡＳＤＦＧＨ", "111111"));
    }

    @Test
    void shortRealReviewsAndSlangAreNotFlagged() {
        assertNotFlagged(check, List.of(
                "很好", "666", "哈哈哈", "hhhhh", "yyds", "ok", "good", "nice!!!", "iPhone的屏幕很好", "5分", "👍很好",
                "emmm", "hdmi cable works fine", "啊啊啊啊啊啊", "520"));
    }

    @Test
    void evidenceIsTheMashedWordInTheRawText() {
        String raw = "😡！ＡＳＤＦ ok";
        assertEquals(List.of("ＡＳＤＦ"), flags(check, raw).getFirst().evidence().stream().map(s -> s.of(raw)).toList());
    }
}
