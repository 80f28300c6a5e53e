package io.vocengine.engine.index;

import io.vocengine.engine.model.Span;

import java.util.List;
import java.util.Map;

/**
 * @param totalHits how many items match (exact up to Lucene's counting threshold)
 * @param facets    per dimension (tag, tag/&lt;taxonomy&gt;, polarity, channel, month, product, region, flag): top labels
 *                  with counts over all matching items, not just the returned hits
 */
public record SearchResult(long totalHits, List<Hit> hits, Map<String, List<FacetCount>> facets, double tookMillis) {

    /**
     * @param snippet best passage of the raw text, with the matched words as raw-text offsets (UTF-16)
     * @param tags       "nodeId|polarity|path" of each tag
     * @param taxonomies versions of the taxonomies that tagged the item when it was indexed
     */
    /** @param emotion primary emotion, and severity 0–1; null for items indexed without the emotion stage */
    public record Hit(String id, float score, String channel, Long createdAtMillis, Snippet snippet, List<String> tags,
                      List<String> taxonomies, String emotion, Double severity) {
    }

    /**
     * A passage of the raw text starting at raw offset {@code start}; {@code matches} are raw offsets too, of this
     * passage only. {@code textLength} is the whole raw text's, so a reader can tell a passage from the whole.
     */
    public record Snippet(String text, int start, int textLength, List<Span> matches) {
        /** Whether the raw text goes on before or after the passage. */
        public boolean isPart() {
            return start > 0 || start + text.length() < textLength;
        }
    }

    public record FacetCount(String label, long count) {
    }
}
