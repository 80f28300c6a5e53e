package io.vocengine.engine.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * Lucene analyzer for query text (and any text Lucene analyses itself): runs the engine's own cleaning and
 * segmentation via {@code analysis}, which ends in {@link SearchTerms#forQuery}. Thread-safe as Lucene analyzers are
 * (per-thread components); {@code analysis} must be thread-safe.
 */
public final class VocAnalyzer extends Analyzer {
    /** Queries are short; this bounds the memory one pathological query can take. */
    private static final int MAX_QUERY_CHARS = 10_000;
    private final Function<String, List<SearchTerm>> analysis;

    public VocAnalyzer(Function<String, List<SearchTerm>> analysis) {
        this.analysis = analysis;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new WholeTextTokenizer(analysis));
    }

    private static final class WholeTextTokenizer extends Tokenizer {
        private final TermAttributes attributes = new TermAttributes(this);
        private final Function<String, List<SearchTerm>> analysis;
        private List<SearchTerm> terms;
        private int next;
        private int length;

        WholeTextTokenizer(Function<String, List<SearchTerm>> analysis) {
            this.analysis = analysis;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (terms == null) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[1024];
                for (int n; (n = input.read(buf)) > 0 && sb.length() < MAX_QUERY_CHARS; ) sb.append(buf, 0, n);
                length = sb.length();
                terms = analysis.apply(sb.toString());
            }
            if (next >= terms.size()) return false;
            clearAttributes();
            attributes.set(terms.get(next++), this::correctOffset);
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            attributes.end(correctOffset(length));
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            terms = null;
            next = 0;
            length = 0;
        }
    }
}
