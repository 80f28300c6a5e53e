package io.vocengine.engine.clean;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Cue;
import io.vocengine.engine.model.Flag;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.pipeline.StageException;
import org.junit.jupiter.api.Test;

import java.util.List;

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
        // The evidence points at each damaged unit in the raw text (the zero-width space is dropped, not damage).
        assertEquals(List.of(new Span(2, 3), new Span(4, 5), new Span(8, 9)), c.flags().get(0).evidence());
        CleanText binary = cleaner.clean("好" + "\u0001".repeat(40)); // within this cleaner's 50 units
        assertTrue(binary.flags().get(0).reason().startsWith("40 "), binary.flags().toString());
        assertEquals(20, binary.flags().get(0).evidence().size());
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
