package io.vocengine.engine.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocengine.engine.model.Channel;
import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.Feedback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Turns one JSON object into a {@link Feedback}. This is the input contract of the engine; CSV rows use it too, as an
 * object of their mapped cells (see {@link CsvSource}).
 * <table>
 * <caption>Members (JSON names are case-sensitive; an alias is used only when the names before it are absent)</caption>
 * <tr><th>member</th><th>aliases</th><th>value</th></tr>
 * <tr><td>id</td><td></td><td>string or number; absent, null or blank: {@code <input>:<line>}</td></tr>
 * <tr><td>text</td><td>content, review, comment</td><td>string; absent or null: "" (flagged later as empty, not an
 * error)</td></tr>
 * <tr><td>channel</td><td></td><td>a {@link Channel} name or Chinese label; unknown: OTHER, with the label kept in
 * metadata as {@value #CHANNEL_RAW}</td></tr>
 * <tr><td>source</td><td></td><td>string; absent: the input's name</td></tr>
 * <tr><td>createdAt</td><td>created_at</td><td>ISO-8601 instant {@code 2024-05-01T10:00:00Z}, offset date-time
 * {@code 2024-05-01T18:00:00+08:00}, local date-time {@code 2024-05-01T18:00:00} or {@code 2024-05-01 18:00:00}
 * (Asia/Shanghai), date {@code 2024-05-01} (midnight Asia/Shanghai), or epoch milliseconds as a number or a string of
 * digits</td></tr>
 * <tr><td>customerId, orderId</td><td>customer_id, order_id</td><td>string or number</td></tr>
 * <tr><td>product</td><td>sku</td><td>string</td></tr>
 * <tr><td>store, region</td><td></td><td>string</td></tr>
 * <tr><td>rating</td><td>score</td><td>number 0–5 (fractions allowed), or a numeric string</td></tr>
 * <tr><td>nps</td><td></td><td>whole number 0–10, or a numeric string</td></tr>
 * <tr><td>metadata</td><td></td><td>object; its values are kept as strings</td></tr>
 * </table>
 * Every other member goes to metadata under its own name (a later alias of a field already set counts as other).
 * Metadata values that are not strings are kept as their JSON text ({@code 12}, {@code true}, {@code null},
 * {@code {"a":1}}), so nothing is dropped. String fields accept numbers and booleans the same way; blank strings
 * count as absent, except for text, which is kept exactly.
 * <p>
 * A value of the wrong type or out of range is an INVALID_FIELD error naming the member, the value and what is
 * expected; a JSON value that is not an object is MALFORMED_JSON. Stateless and thread-safe.
 */
public final class FeedbackJson {
    /**
     * The reader of records, for every path that takes them (JSON Lines, the HTTP endpoint, through {@link #read}),
     * so that one record reads the same everywhere: strings as long as a record may be; exact decimals, so metadata
     * keeps 19.90 as written and 1e400 stays a number rather than Infinity; no silent last-wins on duplicate keys or
     * on anything after the value. Thread-safe.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    /** Metadata key that keeps a channel label {@link Channel#parse} does not know. */
    public static final String CHANNEL_RAW = "channel_raw";

    /** Parses one record's JSON text. @throws JsonProcessingException for anything that is not valid JSON */
    public static JsonNode read(String json) throws JsonProcessingException {
        try {
            return MAPPER.readTree(json);
        } catch (NumberFormatException outOfRange) {
            throw outOfRange(outOfRange);
        }
    }

    /** As {@link #read(String)}, from UTF-8 (or UTF-16/32 with a BOM) bytes. */
    public static JsonNode read(byte[] json) throws IOException {
        try {
            return MAPPER.readTree(json);
        } catch (NumberFormatException outOfRange) {
            throw outOfRange(outOfRange);
        }
    }

    /** Jackson lets an exponent beyond int range (1e-2147483648) through as a bare NumberFormatException. */
    private static JsonProcessingException outOfRange(NumberFormatException e) {
        return new JsonParseException(null, "a number out of range (" + e.getMessage() + ")");
    }

    private FeedbackJson() {
    }

    /**
     * @param input the input's name, for the synthesised id and the default source
     * @param line  the record's line (JSON Lines) or record number (CSV), for the synthesised id
     * @throws InvalidRecordException MALFORMED_JSON when {@code node} is not an object, INVALID_FIELD for a bad value
     */
    public static Feedback toFeedback(JsonNode node, String input, long line) throws InvalidRecordException {
        if (node == null || !node.isObject()) {
            throw new InvalidRecordException(ErrorCode.MALFORMED_JSON, "the record is " + RecordFields.kind(node)
                    + ", not a JSON object; JSON Lines needs one object per line"
                    + (node != null && node.isArray() ? " (a JSON array file must be converted first)" : ""));
        }
        RecordFields fields = new RecordFields((ObjectNode) node);
        String id = fields.string(FeedbackField.ID);
        String text = fields.string(FeedbackField.TEXT);
        String channelLabel = fields.string(FeedbackField.CHANNEL);
        String source = fields.string(FeedbackField.SOURCE);
        String customerId = fields.string(FeedbackField.CUSTOMER_ID);
        String orderId = fields.string(FeedbackField.ORDER_ID);
        String product = fields.string(FeedbackField.PRODUCT);
        String store = fields.string(FeedbackField.STORE);
        String region = fields.string(FeedbackField.REGION);
        Instant createdAt = fields.createdAt();
        Double rating = fields.rating();
        Integer nps = fields.nps();

        Map<String, String> metadata = new LinkedHashMap<>();
        Channel channel = Channel.parse(channelLabel);
        if (channel == null && !blank(channelLabel)) metadata.put(CHANNEL_RAW, channelLabel);
        fields.addMetadata(metadata);

        String body = text == null ? "" : text;
        return new Feedback(blank(id) ? syntheticId(input, line, body) : id, body, channel,
                blank(source) ? input : source, createdAt, orNull(customerId), orNull(orderId), orNull(product),
                orNull(store), orNull(region), rating, nps, metadata);
    }

    /**
     * {@code <input>:<line>:<crc32 of the text>}: stable when the same file is ingested again (documents are replaced
     * by id), and two files that share a name, such as a/reviews.jsonl and b/reviews.jsonl, overwrite each other's
     * items only where the same line holds the same text (the same feedback, as far as the id can tell).
     */
    private static String syntheticId(String input, long line, String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return input + ":" + line + ":" + String.format("%08x", crc.getValue());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orNull(String s) {
        return blank(s) ? null : s;
    }
}
