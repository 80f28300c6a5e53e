package io.vocengine.engine.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.util.List;

/**
 * Feeds already-analysed terms to Lucene, so that indexing reuses the pipeline's segmentation instead of running it
 * a second time. One instance per document; not thread-safe.
 */
final class TermListTokenStream extends TokenStream {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posAtt = addAttribute(PositionIncrementAttribute.class);
    private final List<SearchTerm> terms;
    private final int finalOffset;
    private int next;

    TermListTokenStream(List<SearchTerm> terms, int finalOffset) {
        this.terms = terms;
        this.finalOffset = finalOffset;
    }

    @Override
    public boolean incrementToken() {
        if (next >= terms.size()) return false;
        clearAttributes();
        SearchTerm t = terms.get(next++);
        termAtt.setEmpty().append(t.term());
        offsetAtt.setOffset(t.rawStart(), t.rawEnd());
        posAtt.setPositionIncrement(t.stacked() ? 0 : 1);
        return true;
    }

    @Override
    public void end() throws java.io.IOException {
        super.end();
        offsetAtt.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        next = 0;
    }
}
