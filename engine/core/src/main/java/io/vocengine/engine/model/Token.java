package io.vocengine.engine.model;

/**
 * One word from the segmenter. Offsets are into the cleaned text; map them with {@link CleanText#toRaw(int, int)}.
 *
 * @param pos HanLP part-of-speech tag (n, v, a, d, w for punctuation, ...)
 */
public record Token(String text, int start, int end, String pos) {
    public boolean isPunctuation() {
        return "w".equals(pos);
    }
}
