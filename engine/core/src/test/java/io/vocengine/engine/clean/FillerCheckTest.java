package io.vocengine.engine.clean;

import io.vocengine.engine.model.Flag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vocengine.engine.clean.CheckCases.assertFlagged;
import static io.vocengine.engine.clean.CheckCases.assertNotFlagged;

class FillerCheckTest {
    private final FillerCheck check = new FillerCheck();

    @Test
    void templatesAndPaddingAreFlagged() {
        assertFlagged(check, Flag.FILLER, List.of(
                "默认好评", "系统默认好评", "此用户未填写评价内容", "用户未及时评价，系统默认好评", "好评!", "好评好评好评",
                "五星好评！！！", "不错不错", "还行", "一般般", "凑字数凑字数凑字数", "好好好好好好好好", "5分", "好评哦👍",
                "評價方未及時做出評價，系統默認好評"));
    }

    @Test
    void realReviewsAreNotFlagged() {
        assertNotFlagged(check, List.of(
                "好评！物流很快，包装也很用心", "很好", "不错", "满意", "哈哈哈", "666", "好好好",
                "五星好评，客服小姐姐很耐心", "还行吧，就是有点贵", "一般般，屏幕有点暗", "质量不错，下次还买",
                "iPhone的屏幕很好", "默认好评是什么意思？我明明写了差评", "物流太慢了，差评", "好评返现没给"));
    }
}
