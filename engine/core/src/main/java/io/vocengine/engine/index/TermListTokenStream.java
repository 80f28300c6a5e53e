package io.vocengine.engine.index;

import org.apache.lucene.analysis.TokenStream;

import java.io.IOException;
import java.util.List;

/**
 * Feeds already-analysed terms to Lucene, so that indexing reuses the pipeline's segmentation instead of running it
 * a second time. One instance per document; not thread-safe.
 */
final class TermListTokenStream extends TokenStream {
    private final TermAttributes attributes = new TermAttributes(this);
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
        attributes.set(terms.get(next++), offset -> offset);
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        attributes.end(finalOffset);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = 0;
    }
}
