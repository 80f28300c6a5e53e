package io.vocengine.engine.index;

import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Flag;
import io.vocengine.engine.model.PiiMask;
import io.vocengine.engine.model.Emotion;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.model.Tagging;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.segment.Segmenter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes analysed feedback into a Lucene index on disk. Documents are keyed by feedback id, so ingesting the same
 * record again replaces it instead of duplicating it.
 * <p>
 * Thread-safe: {@link #add} may be called from every worker thread at once (Lucene's IndexWriter indexes
 * concurrently); the FacetsConfig is built once and only read afterwards.
 */
public final class FeedbackIndexWriter implements Closeable {
    private static final FieldType INDEXED_TEXT = new FieldType();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(CHINA);

    static {
        INDEXED_TEXT.setTokenized(true);
        INDEXED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        INDEXED_TEXT.freeze();
    }

    private final IndexWriter writer;
    private final Directory directory;
    private final Path dir;
    private final Segmenter segmenter;
    private final FacetsConfig facets = IndexSchema.facetsConfig();

    private FeedbackIndexWriter(IndexWriter writer, Directory directory, Path dir, Segmenter segmenter) {
        this.writer = writer;
        this.directory = directory;
        this.dir = dir;
        this.segmenter = segmenter;
    }

    /**
     * The index itself failed (a full disk, corruption found while writing, a writer Lucene closed after such a
     * failure): no later item can be indexed either, so a run stops instead of refusing every item one by one.
     */
    public static final class IndexBrokenException extends IOException {
        IndexBrokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Opens the index at {@code dir}, creating it when absent.
     *
     * @param analyzer  the engine's query analyzer (Lucene needs one even though documents arrive pre-analysed)
     * @param segmenter the engine's segmenter, which splits compounds for the index
     * @param fresh     true to replace whatever index is there, false to add to it
     */
    public static FeedbackIndexWriter open(Path dir, Analyzer analyzer, Segmenter segmenter, boolean fresh)
            throws IOException {
        Files.createDirectories(dir);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(128);
        Directory directory = FSDirectory.open(dir);
        try {
            return new FeedbackIndexWriter(new IndexWriter(directory, config), directory, dir, segmenter);
        } catch (IOException | RuntimeException e) {
            throw IndexSchema.openFailed(dir, directory, e);
        }
    }

    /**
     * @throws IndexBrokenException when the index itself failed
     * @throws IOException          for a document Lucene refuses, with Lucene's reason (the index goes on)
     */
    public void add(Analysis a) throws IOException {
        Feedback f = a.feedback();
        try {
            writer.updateDocument(new Term(IndexSchema.ID, f.id()), facets.build(toDocument(a)));
        } catch (IllegalArgumentException refused) {
            if (writer.getTragicException() != null) throw broken(refused);
            throw new IOException("Lucene refused item " + f.id() + ": " + refused.getMessage(), refused);
        } catch (IOException | AlreadyClosedException failed) {
            throw broken(failed);
        }
    }

    /** @throws IndexBrokenException when the index itself failed */
    public void commit() throws IOException {
        try {
            writer.commit();
        } catch (IOException | AlreadyClosedException failed) {
            throw broken(failed);
        }
    }

    /** Names the first cause once: the tragedy that closed the writer, else the failure itself. */
    private IndexBrokenException broken(Exception failed) {
        Throwable cause = writer.getTragicException() != null ? writer.getTragicException() : failed;
        String advice = cause instanceof CorruptIndexException
                ? IndexSchema.unreadable(dir, (CorruptIndexException) cause).getMessage()
                : "the index at " + dir + " failed and takes no more items (" + cause
                + "); is the disk full? The items not indexed are in the dead-letter file, the source files are the record";
        return new IndexBrokenException(advice, failed);
    }

    @Override
    public void close() throws IOException {
        try (directory) {
            writer.close();
        }
    }

    /**
     * The raw text as analysts see it in results: each masked item's characters replaced one for one by '*', so the
     * index never shows personal data while every raw offset (highlights, evidence) stays valid. The source file
     * and the tag results' offsets keep the original.
     */
    static String redacted(String raw, List<PiiMask> pii) {
        if (pii.isEmpty()) return raw;
        char[] chars = raw.toCharArray();
        for (PiiMask p : pii) Arrays.fill(chars, p.raw().start(), p.raw().end(), '*');
        return new String(chars);
    }

    private Document toDocument(Analysis a) {
        Feedback f = a.feedback();
        Document d = new Document();
        d.add(new StringField(IndexSchema.ID, f.id(), Field.Store.YES));
        d.add(new StoredField(IndexSchema.TEXT, redacted(f.text(), a.clean().pii())));
        d.add(new Field(IndexSchema.TEXT, new TermListTokenStream(SearchTerms.forIndex(a.clean(), a.tokens(), segmenter),
                f.text().length()), INDEXED_TEXT));
        keyword(d, IndexSchema.CHANNEL, IndexSchema.FACET_CHANNEL, f.channel().json());
        keyword(d, IndexSchema.SOURCE, null, f.source());
        keyword(d, IndexSchema.PRODUCT, IndexSchema.FACET_PRODUCT, f.product());
        keyword(d, IndexSchema.REGION, IndexSchema.FACET_REGION, f.region());
        if (f.createdAt() != null) {
            long ms = f.createdAt().toEpochMilli();
            d.add(new LongPoint(IndexSchema.CREATED, ms));
            d.add(new NumericDocValuesField(IndexSchema.CREATED, ms));
            d.add(new StoredField(IndexSchema.CREATED, ms));
            d.add(new SortedSetDocValuesFacetField(IndexSchema.FACET_MONTH, MONTH.format(f.createdAt())));
        }
        if (f.rating() != null) {
            d.add(new DoublePoint(IndexSchema.RATING, f.rating()));
            d.add(new StoredField(IndexSchema.RATING, f.rating()));
        }
        if (f.nps() != null) {
            d.add(new IntPoint(IndexSchema.NPS, f.nps()));
            d.add(new StoredField(IndexSchema.NPS, f.nps()));
        }
        addTags(d, a);
        if (a.has(Keys.EMOTION)) addEmotion(d, a.get(Keys.EMOTION));
        if (a.has(Keys.DUPLICATE)) d.add(new StringField(IndexSchema.CLUSTER, a.get(Keys.DUPLICATE).clusterId(), Field.Store.YES));
        Set<String> flags = new LinkedHashSet<>();
        for (Flag flag : a.flags()) flags.add(flag.code());
        for (String code : flags) keyword(d, IndexSchema.FLAG, IndexSchema.FACET_FLAG, code);
        return d;
    }

    /**
     * Domain tags and risk flags alike filter by node id and count in the hierarchical tag facet; the polarity facet
     * counts aspect polarities, so only domain tags feed it (a risk flag is negative by definition).
     */
    private static void addTags(Document d, Analysis a) {
        Set<String> polarities = new LinkedHashSet<>();
        for (Tag t : a.tagging().tags()) polarities.add(t.polarity().json());
        for (String p : polarities) d.add(new SortedSetDocValuesFacetField(IndexSchema.FACET_POLARITY, p));
        addTagging(d, a.tagging());
        if (a.has(Keys.RISKS)) addTagging(d, a.get(Keys.RISKS));
    }

    private static void addTagging(Document d, Tagging tagging) {
        for (String version : tagging.taxonomies()) d.add(new StoredField(IndexSchema.TAXONOMY, version));
        Set<String> ids = new LinkedHashSet<>();
        for (Tag t : tagging.tags()) {
            String taxonomy = t.nodeId().substring(0, t.nodeId().indexOf('.'));
            List<String> facetPath = new ArrayList<>(t.path().size() + 1);
            facetPath.add(taxonomy);
            facetPath.addAll(t.path());
            d.add(new SortedSetDocValuesFacetField(IndexSchema.FACET_TAG, facetPath.toArray(String[]::new)));
            d.add(new StoredField(IndexSchema.TAG_STORED, t.nodeId() + "|" + t.polarity().json() + "|" + String.join(">", t.path())));
            for (int i = t.nodeId().indexOf('.', taxonomy.length() + 1); i > 0; i = t.nodeId().indexOf('.', i + 1)) {
                ids.add(t.nodeId().substring(0, i));
            }
            ids.add(t.nodeId());
        }
        for (String id : ids) d.add(new StringField(IndexSchema.TAG_ID, id, Field.Store.NO));
    }

    private static void addEmotion(Document d, Emotion e) {
        for (String label : e.labels()) keyword(d, IndexSchema.EMOTION, IndexSchema.FACET_EMOTION, label);
        d.add(new StoredField(IndexSchema.EMOTION_PRIMARY, e.primary()));
        d.add(new SortedSetDocValuesFacetField(IndexSchema.FACET_SENTIMENT, e.polarity().json()));
        d.add(new SortedSetDocValuesFacetField(IndexSchema.FACET_INTENSITY, e.intensity() < 0.4 ? "low" : e.intensity() < 0.7 ? "medium" : "high"));
        score(d, IndexSchema.INTENSITY, e.intensity());
        score(d, IndexSchema.SEVERITY, e.severity());
    }

    private static void score(Document d, String field, double value) {
        d.add(new DoublePoint(field, value));
        d.add(new DoubleDocValuesField(field, value));
        d.add(new StoredField(field, value));
    }

    private static void keyword(Document d, String field, String facet, String value) {
        if (value == null || value.isBlank()) return;
        d.add(new StringField(field, value, Field.Store.YES));
        if (facet != null) d.add(new SortedSetDocValuesFacetField(facet, value));
    }
}
