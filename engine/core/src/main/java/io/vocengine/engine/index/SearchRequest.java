package io.vocengine.engine.index;

import java.util.List;

/**
 * An analyst's query.
 *
 * @param query    free text, analysed like the documents; Lucene syntax (OR, quotes, -word) is honoured; blank = all
 * @param tagIds   only items tagged with each of these nodes (any level: ecommerce.logistics matches its children)
 *                 (risk flags too: risk.safety, risk.churn.never_again)
 * @param channels only items from one of these channels (review, complaint, ...); empty = any
 * @param emotions only items felt with one of these emotions (anger, fear, ...); empty = any
 * @param limit    number of hits to return
 * @param bySeverity most severe first instead of most relevant first
 */
public record SearchRequest(String query, List<String> tagIds, List<String> channels, List<String> emotions, int limit,
                            boolean bySeverity) {
    public SearchRequest {
        query = query == null ? "" : query;
        tagIds = List.copyOf(tagIds);
        channels = List.copyOf(channels);
        emotions = List.copyOf(emotions);
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }

    /** Ranked by relevance, any emotion. */
    public SearchRequest(String query, List<String> tagIds, List<String> channels, int limit) {
        this(query, tagIds, channels, List.of(), limit, false);
    }
}
