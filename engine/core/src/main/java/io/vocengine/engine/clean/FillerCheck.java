package io.vocengine.engine.clean;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Flag;
import io.vocengine.engine.resources.TsvResource;

import java.util.Comparator;
import java.util.List;

/**
 * Flags templated filler: a text that is (nearly) nothing but stock phrases from {@code filler-phrases.tsv}
 * (默认好评, 好评好评, 还行, 凑字数), or padding that repeats one to four Han characters to reach a minimum length
 * (好好好好好好好好). A real review that merely starts with 好评 says more and is not filler. Only texts of at most
 * {@link #MAX_LETTERS} letters and digits are looked at. Immutable and thread-safe.
 */
public final class FillerCheck implements TextCheck {
    /** Longer texts are not filler, whatever they start with. */
    static final int MAX_LETTERS = 60;
    /** Characters outside the phrases a filler text may still have (好评哦, 还行吧). */
    static final int MAX_LEFTOVER = 1;
    /** Padding is at least this long: 哈哈哈 and 好好好 are short, real reactions. */
    static final int MIN_PADDING = 6;

    private final List<String> phrases; // longest first, so 系统默认好评 wins over 好评

    public FillerCheck() {
        phrases = TsvResource.read(FillerCheck.class, "filler-phrases.tsv", 1).stream().map(row -> CaseFoldStep.fold(row[0].trim()))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    @Override
    public String name() {
        return "filler";
    }

    @Override
    public List<Flag> check(String raw, CleanText clean) {
        String core = lettersAndDigits(clean.text());
        if (core == null || core.isEmpty()) return List.of();
        // Padding is judged on the raw letters: cleaning squashes 好好好好好好 to 好好, which would hide it.
        String rawCore = lettersAndDigits(raw);
        if (rawCore != null && isPadding(rawCore)) {
            return List.of(new Flag(Flag.FILLER, "padding: '" + rawCore.substring(0, period(rawCore)) + "' repeated"));
        }
        int covered = coveredByPhrases(core);
        if (covered > 0 && core.length() - covered <= MAX_LEFTOVER) {
            return List.of(new Flag(Flag.FILLER, "template filler: '" + core + "' is only stock phrases"));
        }
        return List.of();
    }

    /** The text's letters and digits, or null when there are more than {@link #MAX_LETTERS}. */
    private static String lettersAndDigits(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) continue;
            if (sb.length() == MAX_LETTERS) return null;
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * How many characters of {@code core} the phrases cover, matching greedily left to right, longest first; stops
     * (returning what it has) as soon as more than {@link #MAX_LEFTOVER} characters are left uncovered, because the
     * text can then no longer be filler.
     */
    private int coveredByPhrases(String core) {
        int covered = 0;
        for (int i = 0; i < core.length(); ) {
            int matched = 0;
            for (String p : phrases) {
                if (core.startsWith(p, i)) {
                    matched = p.length();
                    break;
                }
            }
            if (matched == 0 && i + 1 - covered > MAX_LEFTOVER) return covered;
            covered += matched;
            i += Math.max(matched, 1);
        }
        return covered;
    }

    /** Three or more copies of a unit of one to four Han characters, at least {@link #MIN_PADDING} long. */
    private static boolean isPadding(String core) {
        if (core.length() < MIN_PADDING) return false;
        int period = period(core);
        if (period > 4 || core.length() < 3 * period) return false; // 好好 and 很好很好 are words, not padding
        for (int i = 0; i < period; i++) {
            if (Character.UnicodeScript.of(core.charAt(i)) != Character.UnicodeScript.HAN) return false;
        }
        return true;
    }

    /** The length (up to 5) of the shortest unit whose repetition, the last copy possibly cut short, makes {@code core}. */
    private static int period(String core) {
        for (int p = 1; p <= 4; p++) {
            if (core.regionMatches(p, core, 0, core.length() - p)) return p;
        }
        return 5;
    }
}
