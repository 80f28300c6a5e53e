package io.vocengine.engine.index;

import java.util.List;

/**
 * An analyst's query.
 *
 * @param query    free text, analysed like the documents; Lucene syntax (OR, quotes, -word) is honoured; blank = all
 * @param tagIds   only items tagged with each of these nodes (any level: ecommerce.logistics matches its children)
 * @param channels only items from one of these channels (review, complaint, ...); empty = any
 * @param limit    number of hits to return
 */
public record SearchRequest(String query, List<String> tagIds, List<String> channels, int limit) {
    public SearchRequest {
        query = query == null ? "" : query;
        tagIds = List.copyOf(tagIds);
        channels = List.copyOf(channels);
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
}
