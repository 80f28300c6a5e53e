package io.vocengine.engine.clean;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Cue;
import io.vocengine.engine.model.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signal-keeping steps through the whole default chain, with offsets checked against the raw text. */
class CueStepsTest {
    private final CleanStage cleaner = new CleanStage(CleanStage.defaultSteps(), CleanStage.defaultChecks(), 10_000);

    private static List<String> cueNames(CleanText c, String kind) {
        return c.cues().stream().filter(x -> x.kind().equals(kind)).map(Cue::name).toList();
    }

    @Test
    void slangAndTyposBecomeStandardWordsKeptAsCues() {
        String raw = "YYDS！物流木有问题，下次在来";
        CleanText c = cleaner.clean(raw);
        assertEquals("永远的神!物流没有问题,下次再来", c.text());
        assertEquals(List.of("永远的神", "没有", "下次再来"), cueNames(c, "slang"));
        int i = c.text().indexOf("没有");
        assertEquals("木有", c.toRaw(i, i + 2).of(raw));
    }

    @Test
    void kaomojiAndPlatformCodesAreDroppedEmojiKept() {
        String raw = "又坏了[泪][泪] (╯°□°）╯︵┻━┻ QAQ 😡️";
        CleanText c = cleaner.clean(raw);
        assertEquals("又坏了 😡️", c.text());
        assertTrue(c.cues().contains(new Cue("code", "sadness", new Span(3, 9), 2)), c.cues().toString());
        assertEquals(List.of("anger", "sadness"), cueNames(c, "kaomoji"));
        assertEquals(List.of("anger"), cueNames(c, "emoji"));
    }

    @Test
    void repetitionIsSquashedButReduplicationAndNumbersStay() {
        CleanText c = cleaner.clean("好好好好好，哈哈哈哈哈！！！！好好学习，价格1000元");
        assertEquals("好好,哈哈!好好学习,价格1000元", c.text());
        assertEquals(List.of(5, 5, 4), c.cues().stream().filter(x -> x.kind().equals("repeat")).map(Cue::strength).toList());
    }

    @Test
    void markupMentionsAndTopicsAreHandledAndUrlsKeptForTheSpamCheck() {
        String raw = "<p>物流&amp;包装都好</p>@小明_123 #双十一# 详见 https://t.cn/abc";
        CleanText c = cleaner.clean(raw);
        assertEquals("物流&包装都好\n双十一 详见 https://t.cn/abc", c.text());
        assertEquals(List.of("@"), cueNames(c, "mention"));
        assertEquals(List.of("双十一"), cueNames(c, "topic"));
        assertEquals(List.of("url"), cueNames(c, "url"));
        int i = c.text().indexOf('&');
        assertEquals("&amp;", c.toRaw(i, i + 1).of(raw));
    }

    @Test
    void urlsAndLatinRunsAreNotSquashed() {
        assertEquals("见 www.abc.com/a--b", cleaner.clean("见 www.abc.com/a--b").text());
    }

    @Test
    void anEmailIsNotAMention() {
        assertTrue(cueNames(cleaner.clean("发到abc@qq.com了"), "mention").isEmpty());
    }
}
