package io.vocengine.engine.index;

import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.util.function.IntUnaryOperator;

/** The attributes a {@link SearchTerm} fills, shared by the document and query token streams. Per stream. */
final class TermAttributes {
    private final CharTermAttribute term;
    private final OffsetAttribute offset;
    private final PositionIncrementAttribute position;

    TermAttributes(AttributeSource stream) {
        this.term = stream.addAttribute(CharTermAttribute.class);
        this.offset = stream.addAttribute(OffsetAttribute.class);
        this.position = stream.addAttribute(PositionIncrementAttribute.class);
    }

    /** @param correct maps raw offsets to the stream's offsets (a Tokenizer's correctOffset, or identity) */
    void set(SearchTerm t, IntUnaryOperator correct) {
        term.setEmpty().append(t.term());
        offset.setOffset(correct.applyAsInt(t.rawStart()), correct.applyAsInt(t.rawEnd()));
        position.setPositionIncrement(t.positionIncrement());
    }

    void end(int finalOffset) {
        offset.setOffset(finalOffset, finalOffset);
    }
}
