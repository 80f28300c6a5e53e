package io.vocengine.engine.model;

/** One word from the segmenter. Offsets are into the cleaned text; map them with {@link CleanText#toRaw(int, int)}. */
public record Token(String text, int start, int end) {
    /** True when the token has no letter, digit or ideograph: punctuation, symbols, emoji. */
    public boolean isPunctuation() {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) return false;
            i += Character.charCount(cp);
        }
        return true;
    }
}
