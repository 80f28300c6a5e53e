package io.vocengine.engine.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One raw piece of customer feedback, exactly as received. Immutable; {@code text} is the customer's own text and is
 * never modified (cleaning produces a separate {@link CleanText} with an offset map back into it).
 *
 * @param id         caller's id; ingest synthesises {@code <file>:<line>:<crc32 of text>} when absent
 * @param text       raw text, never null (empty when the record had none)
 * @param source     system or file the record came from
 * @param createdAt  when the customer wrote it; null when unknown
 * @param rating     star rating 1–5 (halves allowed), or null
 * @param nps        0–10 likelihood-to-recommend answer, or null
 * @param metadata   any further fields, kept verbatim as strings
 */
public record Feedback(String id, String text, Channel channel, String source, Instant createdAt,
                       String customerId, String orderId, String product, String store, String region,
                       Double rating, Integer nps, Map<String, String> metadata) {
    public Feedback {
        Objects.requireNonNull(id, "id");
        text = text == null ? "" : text;
        channel = channel == null ? Channel.OTHER : channel;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (rating != null && (rating < 0 || rating > 5)) throw new IllegalArgumentException("rating must be 0–5, got " + rating);
        if (nps != null && (nps < 0 || nps > 10)) throw new IllegalArgumentException("nps must be 0–10, got " + nps);
    }

    /** The same item routed to a taxonomy ({@code metadata.domain}), unless it names one already. */
    public Feedback withDomain(String domain) {
        if (metadata.containsKey("domain")) return this;
        Map<String, String> m = new java.util.HashMap<>(metadata);
        m.put("domain", domain);
        return new Feedback(id, text, channel, source, createdAt, customerId, orderId, product, store, region, rating, nps, m);
    }

    /** A feedback item with only an id and text, as sent to the tagging endpoint. */
    public static Feedback of(String id, String text) {
        return new Feedback(id, text, Channel.OTHER, null, null, null, null, null, null, null, null, null, Map.of());
    }
}
