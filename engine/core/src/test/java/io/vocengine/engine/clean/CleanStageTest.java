package io.vocengine.engine.clean;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Cue;
import io.vocengine.engine.model.Flag;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.pipeline.StageException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CleanStageTest {
    private final CleanStage cleaner = new CleanStage(CleanStage.defaultSteps(), CleanStage.defaultChecks(), 50);

    private static List<String> codes(CleanText c) {
        return c.flags().stream().map(Flag::code).toList();
    }

    @Test
    void fullWidthAndWhitespaceAreNormalisedWithOffsetsIntoRaw() {
        String raw = "　ｉＰｈｏｎｅ１５  包装\u3000\u3000破损！！\n\n好";
        CleanText c = cleaner.clean(raw);
        assertEquals("iphone15 包装 破损!\n好", c.text());
        int i = c.text().indexOf("破损");
        assertEquals("破损", c.toRaw(i, i + 2).of(raw));
        assertEquals("ｉＰｈｏｎｅ１５", c.toRaw(0, 8).of(raw));
        assertEquals(List.of("nfkc", "case-fold", "repeat", "whitespace"), c.changedBy());
        assertEquals("！！", c.toRaw(c.text().indexOf('!'), c.text().indexOf('!') + 1).of(raw));
    }

    @Test
    void emptyAndWhitespaceOnlyTextAreFlaggedNotFailed() {
        assertEquals(List.of(Flag.EMPTY_TEXT), codes(cleaner.clean("")));
        CleanText blank = cleaner.clean(" \t\u3000 ");
        assertEquals("", blank.text());
        assertEquals(List.of(Flag.EMPTY_TEXT), codes(blank));
    }

    @Test
    void overLongTextIsTruncatedWithoutSplittingASurrogatePair() {
        String raw = "物流很快包装很好".repeat(6) + "a😡" + "差评".repeat(50);
        CleanText c = cleaner.clean(raw);
        assertEquals(49, c.text().length());
        assertTrue(codes(c).contains(Flag.TRUNCATED));
    }

    @Test
    void controlCharsAndUnpairedSurrogatesAreRemovedAndFlagged() {
        String raw = "物流\u0000快\uD800递\u200B好\u0007";
        CleanText c = cleaner.clean(raw);
        assertEquals("物流快递好", c.text());
        assertEquals(List.of(Flag.INVALID_CHARS), codes(c));
        assertEquals("递", c.toRaw(3, 4).of(raw));
    }

    @Test
    void emojiOnlyTextBecomesCuesAndKeepsItsSurrogatePairsTogether() {
        String raw = "😡😡👍";
        CleanText c = cleaner.clean(raw);
        assertEquals("😡👍", c.text());
        assertEquals(new Span(0, 4), c.toRaw(0, 2));
        assertEquals(List.of(new Cue("emoji", "anger", new Span(0, 4), 2), new Cue("emoji", "approval", new Span(4, 6), 1),
                new Cue("repeat", "😡", new Span(0, 4), 2)), c.cues());
    }

    /** Property: on random text the map is total, monotone and each clean unit's raw span is non-empty. */
    @Test
    void offsetMapIsTotalAndMonotoneOnRandomInput() {
        Random random = new Random(42);
        String alphabet = "好差包装破损　 \t\nＡＢＣ１２！！😡👍\u0000\uD800\u200Ba";
        List<String> pieces = List.of("<br>", "&amp;", "@用户", "#话题#", "[泪]", "QAQ", "木有", "態度", "計程車",
                "哈哈哈哈", "！！！", "http://x.cn/a", "ﷺ", "e\u0301");
        for (int round = 0; round < 3000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                if (random.nextInt(5) == 0) sb.append(pieces.get(random.nextInt(pieces.size())));
                else sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String raw = sb.toString();
            CleanText c = new CleanStage(CleanStage.defaultSteps(), CleanStage.defaultChecks(), 1000).clean(raw);
            int prevStart = 0, prevEnd = 0;
            for (int i = 0; i < c.text().length(); i++) {
                Span s = c.toRaw(i, i + 1);
                assertTrue(s.start() >= prevStart && s.end() >= prevEnd, () -> "not monotone on " + raw);
                assertTrue(s.end() <= raw.length() && s.length() > 0, () -> "bad span on " + raw);
                prevStart = s.start();
                prevEnd = s.end();
            }
        }
    }

    @Test
    void expansionByNfkcIsCappedToo() {
        CleanText c = new CleanStage(CleanStage.defaultSteps(), CleanStage.defaultChecks(), 5).clean("ﷺ");
        assertEquals(5, c.text().length());
        assertTrue(codes(c).contains(Flag.TRUNCATED));
        assertEquals(new Span(0, 1), c.toRaw(0, 5));
    }

    @Test
    void aFailingCheckNamesItselfInTheItemsError() {
        TextCheck broken = new TextCheck() {
            public String name() { return "broken"; }
            public List<Flag> check(String raw, CleanText clean) { throw new IllegalStateException("model missing"); }
        };
        StageException e = assertThrows(StageException.class,
                () -> new CleanStage(CleanStage.defaultSteps(), List.of(broken), 100).clean("好"));
        assertTrue(e.error().message().contains("check 'broken' failed") && e.error().message().contains("model missing"),
                e.error().message());
    }
}
