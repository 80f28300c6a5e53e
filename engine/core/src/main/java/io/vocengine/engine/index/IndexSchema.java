package io.vocengine.engine.index;

import org.apache.lucene.facet.FacetsConfig;

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

    /** Facet dimensions (sorted-set doc values; no side taxonomy index to keep in sync). */
    public static final String FACET_TAG = "facet_tag";
    public static final String FACET_POLARITY = "facet_polarity";
    public static final String FACET_CHANNEL = "facet_channel";
    public static final String FACET_PRODUCT = "facet_product";
    public static final String FACET_REGION = "facet_region";
    public static final String FACET_MONTH = "facet_month";
    public static final String FACET_FLAG = "facet_flag";

    private IndexSchema() {
    }

    /** The advice for a missing index, shared by every command that reads one. */
    static IOException missing(Path dir, Exception cause) {
        return new IOException("no index at " + dir + ": run `voc ingest <file>` or `voc demo` first", cause);
    }

    /** The advice for an index that cannot be read: corrupt, or written by an incompatible version. */
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
        return c;
    }
}
