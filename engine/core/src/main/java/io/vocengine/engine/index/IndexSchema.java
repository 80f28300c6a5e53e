package io.vocengine.engine.index;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Field names and facet configuration of the feedback index: the single definition both writer and searcher use.
 */
public final class IndexSchema {
    public static final String ID = "id";
    /** Raw text: stored as written, indexed from the cleaned, segmented text with raw offsets for highlighting. */
    public static final String TEXT = "text";
    /** Every tagged node id plus all its ancestors, for filtering at any level. */
    public static final String TAG_ID = "tag_id";
    /** Stored tag summaries "nodeId|polarity|path" for display. */
    public static final String TAG_STORED = "tag";
    public static final String CHANNEL = "channel";
    public static final String SOURCE = "source";
    public static final String PRODUCT = "product";
    public static final String REGION = "region";
    public static final String FLAG = "flag";
    public static final String CREATED = "created";
    public static final String RATING = "rating";
    public static final String NPS = "nps";
    public static final String TAXONOMY = "taxonomy";
    /** Near-duplicate cluster id (the first item's id), to count distinct complaints instead of copies. */
    public static final String CLUSTER = "cluster";
    /** Emotion labels of the item (multi-label), filterable; the primary one is stored for display. */
    public static final String EMOTION = "emotion";
    public static final String EMOTION_PRIMARY = "emotion_primary";
    /** 0–1 scores from the emotion stage: range-searchable, sortable and stored. */
    public static final String INTENSITY = "intensity";
    public static final String SEVERITY = "severity";

    /** Facet dimensions (sorted-set doc values; no side taxonomy index to keep in sync). */
    public static final String FACET_TAG = "facet_tag";
    public static final String FACET_POLARITY = "facet_polarity";
    public static final String FACET_CHANNEL = "facet_channel";
    public static final String FACET_PRODUCT = "facet_product";
    public static final String FACET_REGION = "facet_region";
    public static final String FACET_MONTH = "facet_month";
    public static final String FACET_FLAG = "facet_flag";
    public static final String FACET_EMOTION = "facet_emotion";
    /** Document polarity (the tag polarity facet counts aspect polarities). */
    public static final String FACET_SENTIMENT = "facet_sentiment";
    /** Intensity band: low (&lt; 0.4), medium (&lt; 0.7), high. */
    public static final String FACET_INTENSITY = "facet_intensity";

    private IndexSchema() {
    }

    /** The advice for a missing index. */
    static IOException missing(Path dir, Exception cause) {
        return new IOException("no index at " + dir + ": run `voc ingest <file>` or `voc demo` first", cause);
    }

    /**
     * Closes the directory an index failed to open from and turns Lucene's reason into advice: missing (ingest
     * first), locked (another writer), or unreadable (corrupt or from an incompatible version: rebuild it).
     */
    static IOException openFailed(Path dir, Directory directory, Exception cause) {
        try {
            directory.close();
        } catch (IOException closing) {
            cause.addSuppressed(closing);
        }
        return switch (cause) {
            case IndexNotFoundException e -> missing(dir, e);
            case LockObtainFailedException e -> new IOException("the index at " + dir + " is locked: another voc "
                    + "process is writing it. Wait for it to finish, or remove " + dir.resolve(IndexWriter.WRITE_LOCK_NAME)
                    + " if no such process exists", e);
            case CorruptIndexException e -> unreadable(dir, e);
            case IndexFormatTooOldException e -> unreadable(dir, e);
            case IndexFormatTooNewException e -> unreadable(dir, e);
            case IOException e -> e;
            default -> new IOException("cannot open the index at " + dir + ": " + cause, cause);
        };
    }

    static IOException unreadable(Path dir, Exception cause) {
        return new IOException("the index at " + dir + " cannot be read (" + cause.getMessage() + "). It is corrupt or "
                + "from an incompatible version: delete the folder and run `voc ingest` or `voc demo` again; the "
                + "source files are the record", cause);
    }

    /** A new, fully configured FacetsConfig; FacetsConfig is mutable, so each user builds its own. */
    public static FacetsConfig facetsConfig() {
        FacetsConfig c = new FacetsConfig();
        c.setHierarchical(FACET_TAG, true);
        c.setMultiValued(FACET_TAG, true);
        c.setMultiValued(FACET_POLARITY, true);
        c.setMultiValued(FACET_FLAG, true);
        c.setMultiValued(FACET_EMOTION, true);
        return c;
    }
}
