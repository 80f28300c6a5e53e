package io.vocengine.engine.clean;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Flag;
import io.vocengine.engine.model.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Flags texts that say nothing: punctuation or emoji only (no letter, ideograph or digit), runs of digits (123123123;
 * 666, 888 and other three-digit slang are kept), and keyboard mashing in texts without ideographs: Latin words
 * that run along a keyboard row (asdfgh, qwerty), repeat one letter (jjjjjjj; hhhhh is laughter and kept) or have no
 * vowel at five letters or more (sdfjkl). Mashing must make up at least {@link #MIN_MASH_SHARE} of the Latin letters,
 * so "hdmi ok" or "yyds" stay meaningful. Immutable and thread-safe.
 */
public final class MeaninglessCheck implements TextCheck {
    static final double MIN_MASH_SHARE = 0.6;
    /** Digit-only texts up to this long are slang or scores (666, 520, 10), not noise. */
    static final int MAX_DIGIT_SLANG = 3;
    private static final String[] KEYBOARD_ROWS =
            {"qwertyuiop", "asdfghjkl", "zxcvbnm", "poiuytrewq", "lkjhgfdsa", "mnbvcxz"};

    @Override
    public String name() {
        return "meaningless";
    }

    @Override
    public List<Flag> check(String raw, CleanText clean) {
        String text = clean.text();
        int letters = 0, latin = 0, digits = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isDigit(cp)) digits++;
            else if (cp < 128 && Character.isLetter(cp)) latin++;
            if (Character.isLetter(cp)) letters++;
        }
        if (letters == 0 && digits == 0) {
            return List.of(new Flag(Flag.MEANINGLESS, "no letters, ideographs or digits: punctuation or emoji only"));
        }
        if (letters == 0) {
            return digits > MAX_DIGIT_SLANG
                    ? List.of(new Flag(Flag.MEANINGLESS, "digits only, no words")) : List.of();
        }
        if (latin < letters) return List.of(); // ideographs or other scripts: real words, or another check's business
        List<Span> mashed = new ArrayList<>();
        int mashedLetters = 0;
        for (int start = 0; start < text.length(); ) {
            if (!isLatin(text.charAt(start))) {
                start++;
                continue;
            }
            int end = start;
            while (end < text.length() && isLatin(text.charAt(end))) end++;
            if (isMash(text.substring(start, end))) {
                mashed.add(clean.toRaw(start, end));
                mashedLetters += end - start;
            }
            start = end;
        }
        if (mashedLetters < MIN_MASH_SHARE * latin) return List.of();
        return List.of(new Flag(Flag.MEANINGLESS, "keyboard mashing: " + mashedLetters + " of " + latin
                + " letters", mashed));
    }

    private static boolean isLatin(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isMash(String word) {
        if (word.length() < 4) return false;
        if (word.chars().allMatch(c -> c == word.charAt(0))) return word.charAt(0) != 'h';
        for (String row : KEYBOARD_ROWS) {
            for (int i = 0; i + 4 <= word.length(); i++) {
                if (row.contains(word.substring(i, i + 4))) return true;
            }
        }
        return word.length() >= 5 && word.chars().noneMatch(c -> "aeiouy".indexOf(c) >= 0);
    }
}
