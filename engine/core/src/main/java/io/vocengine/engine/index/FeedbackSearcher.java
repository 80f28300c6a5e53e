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
import org.apache.lucene.index.FieldInfos;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");
    /** Characters of a text the highlighter reads: far beyond the default --max-chars of 20,000 (a match past it is not marked). */
    private static final int HIGHLIGHT_CHARS = 1 << 20;
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
            // An index with no items yet (an empty input was ingested) has no facet field to count.
            this.facetState = FieldInfos.getMergedFieldInfos(reader).fieldInfo(IndexSchema.facetsConfig().getDimConfig(
                    IndexSchema.FACET_TAG).indexFieldName) == null ? null
                    : new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.facetsConfig());
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

    /** @throws IllegalArgumentException for a query of more words than Lucene takes in one query */
    public SearchResult search(SearchRequest request) throws IOException {
        try {
            return run(request);
        } catch (IndexSearcher.TooManyClauses tooMany) { // thrown wherever the query grows past the limit
            throw new IllegalArgumentException("the query has too many words for one search (at most "
                    + IndexSearcher.getMaxClauseCount() + " terms after segmentation); search for its key words", tooMany);
        }
    }

    private SearchResult run(SearchRequest request) throws IOException {
        long t0 = System.nanoTime();
        if (facetState == null) return new SearchResult(0, List.of(), Map.of(), (System.nanoTime() - t0) / 1e6);
        Query words = parse(request.query());
        Query query = buildQuery(request, words);
        FacetsCollectorManager.FacetsResult r = request.bySeverity()
                ? FacetsCollectorManager.search(searcher, query, request.limit(), BY_SEVERITY, true, new FacetsCollectorManager())
                : FacetsCollectorManager.search(searcher, query, request.limit(), new FacetsCollectorManager());
        TopDocs top = r.topDocs();
        // Without words to mark, the highlighter's first sentence can be a bare 在吗？: show the opening instead.
        List<List<SearchResult.Snippet>> snippets = hasWordsToMark(words)
                ? highlight(query, top) : Collections.nCopies(top.scoreDocs.length, List.of());
        List<SearchResult.Hit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            Document doc = searcher.storedFields().document(sd.doc);
            IndexableField created = doc.getField(IndexSchema.CREATED);
            IndexableField severity = doc.getField(IndexSchema.SEVERITY);
            List<SearchResult.Snippet> s = snippets.get(i);
            hits.add(new SearchResult.Hit(doc.get(IndexSchema.ID), sd.score, doc.get(IndexSchema.CHANNEL),
                    created == null ? null : created.numericValue().longValue(),
                    s.isEmpty() ? firstChars(doc.get(IndexSchema.TEXT)) : whole(s.get(0), doc.get(IndexSchema.TEXT)),
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

    /** Whether the query requires words a hit contains: not for *, blank or exclusions alone. */
    private static boolean hasWordsToMark(Query words) {
        if (words instanceof MatchAllDocsQuery || words instanceof MatchNoDocsQuery) return false;
        return !(words instanceof BooleanQuery b) || b.clauses().stream().anyMatch(
                c -> c.occur() != BooleanClause.Occur.MUST_NOT && !(c.query() instanceof MatchAllDocsQuery));
    }

    private Query buildQuery(SearchRequest request, Query words) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(words, BooleanClause.Occur.MUST);
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
     * Every word required and taken literally (a ~, :, * or AND pasted from a review is text, not Lucene syntax),
     * with three explicit forms: "a phrase" (balanced quotes), -word to exclude, and OR between two words. A query of
     * exclusions only excludes from everything. Blank or {@code *} matches everything.
     */
    private Query parse(String text) {
        if (text.isBlank() || text.strip().equals("*")) return new MatchAllDocsQuery();
        QueryParser parser = new QueryParser(IndexSchema.TEXT, analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(false);
        try {
            return fromEverything(parser.parse(literal(text)));
        } catch (IndexSearcher.TooManyClauses tooMany) {
            throw tooMany;
        } catch (ParseException | RuntimeException syntax) {
            Query literal = parser.createBooleanQuery(IndexSchema.TEXT, text, BooleanClause.Occur.MUST);
            return literal != null ? literal : new MatchNoDocsQuery("no searchable words in '" + text + "'");
        }
    }

    /**
     * The query with every character but balanced quotes, a leading - and OR between two words escaped; AND is the
     * default anyway and is dropped, as is an OR with nothing on one side, and NOT before a word excludes it.
     */
    static String literal(String text) {
        boolean phrases = text.chars().filter(c -> c == '"').count() % 2 == 0;
        String[] words = text.strip().split("[\\s\u3000]+"); // an IME's full-width space separates words too
        List<String> out = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.equals("OR") && i > 0 && i < words.length - 1) {
                out.add(w);
                continue;
            }
            if (words.length > 1 && OPERATORS.contains(w)) { // or at an edge
                if (w.equals("NOT") && i < words.length - 1 && !OPERATORS.contains(words[i + 1])) words[i + 1] = "-" + words[i + 1];
                continue;
            }
            boolean exclude = w.length() > 1 && w.charAt(0) == '-';
            String body = exclude ? w.substring(1) : w;
            if (OPERATORS.contains(body)) body = body.toLowerCase(Locale.ROOT); // a word, not an operator
            StringBuilder sb = new StringBuilder(exclude ? "-" : "");
            for (char c : body.toCharArray()) {
                sb.append(c == '"' && phrases ? "\"" : QueryParser.escape(String.valueOf(c)));
            }
            out.add(sb.toString());
        }
        return String.join(" ", out);
    }

    /** -包装 alone would match nothing (Lucene needs something to exclude from): everything but 包装. */
    private static Query fromEverything(Query q) {
        if (!(q instanceof BooleanQuery b) || b.clauses().isEmpty()
                || !b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
            return q;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        b.clauses().forEach(all::add);
        return all.build();
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

    /** The passage with the stored text's length: the highlighter may have read only a prefix of a long text. */
    private static SearchResult.Snippet whole(SearchResult.Snippet s, String text) {
        return new SearchResult.Snippet(s.text(), s.start(), text == null ? s.textLength() : text.length(), s.matches());
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
            if (dim.equals(IndexSchema.FACET_MONTH)) { // a time line: every month, oldest first
                List<SearchResult.FacetCount> months = new ArrayList<>(counts(facets.getAllChildren(dim)));
                months.sort(Comparator.comparing(SearchResult.FacetCount::label));
                out.put(name, months);
                continue;
            }
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
            // The default reads only a text's first 10,000 characters; the engine analyses up to 20,000 by default.
            super(UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new SnippetFormatter())
                    .withMaxLength(HIGHLIGHT_CHARS));
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
