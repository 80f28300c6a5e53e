package io.vocengine.engine.clean;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Span;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of the cleaner's offset map on generated text: every unit of the clean text maps to a non-empty raw
 * span (total), spans never move backwards (monotone), never cut a surrogate pair, and point at what the customer
 * wrote (correct). The generator mixes Chinese, traditional characters, full-width forms, emoji and other
 * supplementary characters, lone surrogates, control characters, markup, slang, repetition and PII-like digits, so
 * that every cleaning step changes lengths somewhere.
 */
class OffsetMapPropertyTest {
    /** Characters that no step rewrites: a clean occurrence must come from the same character in the raw text. */
    private static final String STABLE = "好差包装破损快慢";
    private static final CleanStage CLEANER = new CleanStage(CleanStage.defaultSteps(), CleanStage.defaultChecks(), 1000);

    @Provide
    Arbitrary<String> noisyText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of(STABLE.chars().mapToObj(c -> String.valueOf((char) c)).toList()),
                Arbitraries.of("<br>", "&amp;", "@用户 ", "#话题#", "[泪]", "QAQ", "木有", "yyds", "態度", "計程車", "哈哈哈哈",
                        "！！！", "http://x.cn/a", "ﷺ", "e\u0301", "１３８００１３８０００", "ＡＢＣ", "　", "\t", "\n",
                        "\u0000", "\u200B", "\uD800", "\uDC00", "😡", "👍🏻", "(╯°□°)╯", "🇨🇳"),
                Arbitraries.chars().range('\u4E00', '\u9FFF').map(String::valueOf),
                Arbitraries.chars().ascii().map(String::valueOf),
                Arbitraries.integers().between(0x1F300, 0x1FAFF).map(Character::toString),
                Arbitraries.integers().between(0x20000, 0x2A6DF).map(Character::toString));
        return pieces.list().ofMaxSize(60).map(list -> String.join("", list));
    }

    @Property(tries = 1500, seed = "20261122")
    void mapIsTotalMonotoneAndSurrogateSafe(@ForAll("noisyText") String raw) {
        CleanText c = CLEANER.clean(raw);
        Span previous = new Span(0, 0);
        // Per code point: a lone half of a pair may map to half of its source, a whole character must not.
        for (int i = 0, n; i < c.text().length(); i += n) {
            n = Character.charCount(c.text().codePointAt(i));
            Span s = c.toRaw(i, i + n);
            assertTrue(s.length() > 0 && s.end() <= raw.length(), "char at " + i + " maps to " + s + " in " + raw);
            assertTrue(s.start() >= previous.start() && s.end() >= previous.end(),
                    "map goes backwards at " + i + " in " + raw);
            assertTrue(onBoundary(raw, s.start()) && onBoundary(raw, s.end()), "span " + s + " cuts a pair in " + raw);
            previous = s;
        }
    }

    @Property(tries = 1500, seed = "20261122")
    void stableCharactersPointAtThemselves(@ForAll("noisyText") String raw) {
        CleanText c = CLEANER.clean(raw);
        for (int i = 0; i < c.text().length(); i++) {
            char ch = c.text().charAt(i);
            if (STABLE.indexOf(ch) < 0) continue;
            String source = c.toRaw(i, i + 1).of(raw);
            assertTrue(source.indexOf(ch) >= 0, "clean '" + ch + "' at " + i + " maps to '" + source + "' in " + raw);
        }
    }

    @Property(tries = 300, seed = "20261122")
    void textNoStepTouchesMapsToItselfOneToOne(@ForAll("stableText") String raw) {
        CleanText c = CLEANER.clean(raw);
        assertEquals(raw, c.text());
        for (int i = 0; i < raw.length(); i++) assertEquals(new Span(i, i + 1), c.toRaw(i, i + 1));
    }

    @Provide
    Arbitrary<String> stableText() {
        // No character twice in a row, so repetition squashing does not apply.
        return Arbitraries.of(STABLE.chars().mapToObj(ch -> (char) ch).toList()).list().ofMinSize(1).ofMaxSize(40)
                .filter(list -> {
                    for (int i = 1; i < list.size(); i++) if (list.get(i).equals(list.get(i - 1))) return false;
                    return true;
                })
                .map(list -> list.stream().map(String::valueOf).reduce("", String::concat));
    }

    private static boolean onBoundary(String s, int index) {
        return index <= 0 || index >= s.length()
                || !(Character.isHighSurrogate(s.charAt(index - 1)) && Character.isLowSurrogate(s.charAt(index)));
    }
}
