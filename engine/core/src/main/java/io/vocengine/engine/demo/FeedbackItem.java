package io.vocengine.engine.demo;

import io.vocengine.engine.model.Channel;

import java.time.Instant;

/**
 * One generated feedback line before it gets its id (ids follow createdAt order, assigned by the writer).
 * Null fields are omitted from the JSON.
 *
 * @param seq           creation order, the tie-breaker that keeps sorting deterministic
 * @param survey        "repair" or "relationship" for survey answers, else null
 * @param npsResponseId the nps.csv row this survey comment belongs to, else null
 */
record FeedbackItem(long seq, Domain domain, Channel channel, String source, Instant createdAt, String customerId,
                    String orderId, String product, String productName, String store, String region, Integer rating,
                    Integer nps, String survey, String npsResponseId, String text) {

    FeedbackItem copy(long newSeq, Instant newCreatedAt, String newText) {
        return new FeedbackItem(newSeq, domain, channel, source, newCreatedAt, customerId, orderId, product, productName,
                store, region, rating, nps, survey, npsResponseId, newText);
    }
}
