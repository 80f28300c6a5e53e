package io.vocengine.engine.index;

import io.vocengine.engine.model.Span;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches the feedback index: ranked hits with highlighted snippets in raw-text offsets, plus facet counts.
 * <p>
 * Holds one point-in-time {@link DirectoryReader}; {@link #close()} releases it. Thread-safe for concurrent
 * searches (IndexSearcher and the facet state are read-only).
 */
public final class FeedbackSearcher implements Closeable {
    private static final List<String> FACET_DIMS = List.of(IndexSchema.FACET_TAG, IndexSchema.FACET_POLARITY,
            IndexSchema.FACET_CHANNEL, IndexSchema.FACET_MONTH, IndexSchema.FACET_PRODUCT, IndexSchema.FACET_REGION,
            IndexSchema.FACET_FLAG, IndexSchema.FACET_EMOTION, IndexSchema.FACET_SENTIMENT, IndexSchema.FACET_INTENSITY);
    private static final int FACET_TOP = 10;
    private static final Sort BY_SEVERITY = new Sort(new SortField(IndexSchema.SEVERITY, SortField.Type.DOUBLE, true),
            SortField.FIELD_SCORE);

    private final DirectoryReader reader;
    private final Directory directory;
    private final IndexSearcher searcher;
    private final VocAnalyzer analyzer;
    private final DefaultSortedSetDocValuesReaderState facetState;

    private FeedbackSearcher(DirectoryReader reader, Directory directory, VocAnalyzer analyzer) throws IOException {
        this.reader = reader;
        this.directory = directory;
        this.searcher = new IndexSearcher(reader);
        this.analyzer = analyzer;
        try {
            this.facetState = new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.facetsConfig());
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    public static FeedbackSearcher open(Path dir, VocAnalyzer analyzer) throws IOException {
        if (!Files.isDirectory(dir)) throw IndexSchema.missing(dir, null);
        Directory directory = FSDirectory.open(dir);
        try {
            return new FeedbackSearcher(DirectoryReader.open(directory), directory, analyzer);
        } catch (IOException | RuntimeException e) {
            throw IndexSchema.openFailed(dir, directory, e);
        }
    }

    public int numDocs() {
        return reader.numDocs();
    }

    public SearchResult search(SearchRequest request) throws IOException {
        long t0 = System.nanoTime();
        Query query = buildQuery(request);
        FacetsCollectorManager.FacetsResult r = request.bySeverity()
                ? FacetsCollectorManager.search(searcher, query, request.limit(), BY_SEVERITY, true, new FacetsCollectorManager())
                : FacetsCollectorManager.search(searcher, query, request.limit(), new FacetsCollectorManager());
        TopDocs top = r.topDocs();
        // Without words to highlight, the highlighter's first sentence can be a bare 在吗？: show the opening instead.
        List<List<SearchResult.Snippet>> snippets = request.query().isBlank()
                ? Collections.nCopies(top.scoreDocs.length, List.of()) : highlight(query, top);
        List<SearchResult.Hit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            Document doc = searcher.storedFields().document(sd.doc);
            IndexableField created = doc.getField(IndexSchema.CREATED);
            IndexableField severity = doc.getField(IndexSchema.SEVERITY);
            List<SearchResult.Snippet> s = snippets.get(i);
            hits.add(new SearchResult.Hit(doc.get(IndexSchema.ID), sd.score, doc.get(IndexSchema.CHANNEL),
                    created == null ? null : created.numericValue().longValue(),
                    s.isEmpty() ? firstChars(doc.get(IndexSchema.TEXT)) : s.get(0),
                    Arrays.asList(doc.getValues(IndexSchema.TAG_STORED)), Arrays.asList(doc.getValues(IndexSchema.TAXONOMY)),
                    doc.get(IndexSchema.EMOTION_PRIMARY), severity == null ? null : severity.numericValue().doubleValue()));
        }
        Map<String, List<SearchResult.FacetCount>> facets = facets(new SortedSetDocValuesFacetCounts(facetState,
                r.facetsCollector()));
        return new SearchResult(top.totalHits.value(), hits, facets, (System.nanoTime() - t0) / 1e6);
    }

    /**
     * Items tagged at or under a node; a bare taxonomy id ("risk", "ecommerce", as the tag facet's first level shows
     * them) matches every item tagged anywhere in that taxonomy, by prefix, since node ids are indexed without it.
     */
    private static Query tagQuery(String tag) {
        Term t = new Term(IndexSchema.TAG_ID, tag.indexOf('.') < 0 ? tag + "." : tag);
        return tag.indexOf('.') < 0 ? new PrefixQuery(t) : new TermQuery(t);
    }

    private Query buildQuery(SearchRequest request) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(parse(request.query()), BooleanClause.Occur.MUST);
        for (String tag : request.tagIds()) b.add(tagQuery(tag), BooleanClause.Occur.FILTER);
        anyOf(b, IndexSchema.CHANNEL, request.channels());
        anyOf(b, IndexSchema.EMOTION, request.emotions());
        return b.build();
    }

    /** Filters to items whose keyword field holds one of the values; no filter for no values. */
    private static void anyOf(BooleanQuery.Builder b, String field, List<String> values) {
        if (values.isEmpty()) return;
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String v : values) any.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD);
        b.add(any.build(), BooleanClause.Occur.FILTER);
    }

    /**
     * Lucene syntax when it parses (OR, "phrase", -word); otherwise all the query's words, required, taken literally,
     * so a stray quote or a lone AND is no error. Blank or {@code *} matches everything.
     */
    private Query parse(String text) {
        if (text.isBlank() || text.strip().equals("*")) return new MatchAllDocsQuery();
        QueryParser parser = new QueryParser(IndexSchema.TEXT, analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(false);
        try {
            return parser.parse(text);
        } catch (ParseException | RuntimeException syntax) {
            Query literal = parser.createBooleanQuery(IndexSchema.TEXT, text, BooleanClause.Occur.MUST);
            return literal != null ? literal : new MatchNoDocsQuery("no searchable words in '" + text + "'");
        }
    }

    private List<List<SearchResult.Snippet>> highlight(Query query, TopDocs top) throws IOException {
        int[] docs = Arrays.stream(top.scoreDocs).mapToInt(sd -> sd.doc).toArray();
        List<List<SearchResult.Snippet>> out = new ArrayList<>(docs.length);
        if (docs.length == 0) return out;
        Object[] perDoc = new SnippetHighlighter(searcher, analyzer).highlight(query, docs);
        for (Object o : perDoc) {
            @SuppressWarnings("unchecked") List<SearchResult.Snippet> s = o == null ? List.of() : (List<SearchResult.Snippet>) o;
            out.add(s);
        }
        return out;
    }

    private static SearchResult.Snippet firstChars(String text) {
        String t = text == null ? "" : text;
        int end = t.length() <= 120 ? t.length() : Character.isHighSurrogate(t.charAt(119)) ? 119 : 120;
        return new SearchResult.Snippet(t.substring(0, end), 0, t.length(), List.of());
    }

    /**
     * Top labels per dimension, in a fixed dimension order; dimensions no matching item has are left out. The tag
     * dimension is hierarchical: "tag" counts per taxonomy, "tag/&lt;taxonomy&gt;" per top-level node under it.
     */
    private static Map<String, List<SearchResult.FacetCount>> facets(Facets facets) throws IOException {
        Map<String, FacetResult> present = new LinkedHashMap<>();
        for (FacetResult fr : facets.getAllDims(FACET_TOP)) present.put(fr.dim, fr);
        Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
        for (String dim : FACET_DIMS) {
            FacetResult fr = present.get(dim);
            if (fr == null) continue;
            String name = dim.substring("facet_".length());
            out.put(name, counts(fr));
            if (dim.equals(IndexSchema.FACET_TAG)) {
                for (LabelAndValue taxonomy : fr.labelValues) {
                    out.put(name + "/" + taxonomy.label, counts(facets.getTopChildren(FACET_TOP, dim, taxonomy.label)));
                }
            }
        }
        return out;
    }

    private static List<SearchResult.FacetCount> counts(FacetResult fr) {
        List<SearchResult.FacetCount> list = new ArrayList<>();
        if (fr != null) {
            for (LabelAndValue lv : fr.labelValues) list.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
        }
        return list;
    }

    @Override
    public void close() throws IOException {
        try (directory) {
            reader.close();
        }
    }

    /** Exposes the highlighter's per-document objects, which carry raw offsets instead of marked-up strings. */
    private static final class SnippetHighlighter extends UnifiedHighlighter {
        SnippetHighlighter(IndexSearcher searcher, VocAnalyzer analyzer) {
            super(UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new SnippetFormatter()));
        }

        Object[] highlight(Query query, int[] docs) throws IOException {
            return highlightFieldsAsObjects(new String[]{IndexSchema.TEXT}, query, docs, new int[]{1}).get(IndexSchema.TEXT);
        }
    }

    private static final class SnippetFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            List<SearchResult.Snippet> out = new ArrayList<>(passages.length);
            for (Passage p : passages) {
                List<Span> matches = new ArrayList<>(p.getNumMatches());
                for (int i = 0; i < p.getNumMatches(); i++) matches.add(new Span(p.getMatchStarts()[i], p.getMatchEnds()[i]));
                matches.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
                out.add(new SearchResult.Snippet(content.substring(p.getStartOffset(), p.getEndOffset()),
                        p.getStartOffset(), content.length(), matches));
            }
            return out;
        }
    }
}
