package io.vocengine.engine.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocengine.engine.model.Channel;
import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.Feedback;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeedbackJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Feedback read(String json) throws Exception {
        return FeedbackJson.toFeedback(JSON.readTree(json), "in.jsonl", 7);
    }

    private static InvalidRecordException invalid(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return assertThrows(InvalidRecordException.class, () -> FeedbackJson.toFeedback(node, "in.jsonl", 7));
    }

    @Test
    void allFields() throws Exception {
        Feedback f = read("""
                {"id":42,"text":"物流太慢","channel":"投诉","source":"app","createdAt":"2024-05-01T10:00:00Z",
                 "customerId":10086,"orderId":"O-1","product":"耳机","store":"徐家汇店","region":"上海",
                 "rating":4.5,"nps":9,"metadata":{"lang":"zh","price":19.90,"vip":true}}""");
        assertEquals("42", f.id());
        assertEquals("物流太慢", f.text());
        assertEquals(Channel.COMPLAINT, f.channel());
        assertEquals("app", f.source());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), f.createdAt());
        assertEquals("10086", f.customerId());
        assertEquals("O-1", f.orderId());
        assertEquals("耳机", f.product());
        assertEquals("徐家汇店", f.store());
        assertEquals("上海", f.region());
        assertEquals(4.5, f.rating());
        assertEquals(9, f.nps());
        assertEquals(Map.of("lang", "zh", "price", "19.9", "vip", "true"), f.metadata());
    }

    @Test
    void defaultsAndSnakeCaseAliases() throws Exception {
        Feedback f = read("""
                {"content":"好","created_at":"2024-05-01","customer_id":"c1","order_id":"o1","sku":"s1",
                 "score":"3"}""");
        assertTrue(f.id().matches("in\\.jsonl:7:[0-9a-f]{8}"));
        assertEquals("in.jsonl", f.source());
        assertEquals(Channel.OTHER, f.channel());
        assertEquals("好", f.text());
        assertEquals("c1", f.customerId());
        assertEquals("o1", f.orderId());
        assertEquals("s1", f.product());
        assertEquals(3.0, f.rating());
        assertEquals(Instant.parse("2024-04-30T16:00:00Z"), f.createdAt());
        assertEquals(Map.of(), f.metadata());
    }

    @Test
    void canonicalNameWinsAndTheAliasIsKeptInMetadata() throws Exception {
        Feedback f = read("{\"text\":\"正文\",\"review\":\"另一段\",\"comment\":null}");
        assertEquals("正文", f.text());
        assertEquals(Map.of("review", "另一段"), f.metadata());
    }

    @Test
    void missingNullOrEmptyTextIsEmpty() throws Exception {
        assertEquals("", read("{}").text());
        assertEquals("", read("{\"text\":null}").text());
        assertEquals("", read("{\"text\":\"\"}").text());
        assertEquals("  ", read("{\"text\":\"  \"}").text());
    }

    @Test
    void createdAtForms() throws Exception {
        Instant tenUtc = Instant.parse("2024-05-01T10:00:00Z");
        assertEquals(tenUtc, read("{\"createdAt\":\"2024-05-01T10:00:00Z\"}").createdAt());
        assertEquals(tenUtc, read("{\"createdAt\":\"2024-05-01T18:00:00+08:00\"}").createdAt());
        assertEquals(tenUtc, read("{\"createdAt\":\"2024-05-01T18:00:00\"}").createdAt());
        assertEquals(tenUtc, read("{\"createdAt\":\"2024-05-01 18:00:00\"}").createdAt());
        assertEquals(tenUtc.plusMillis(500), read("{\"createdAt\":\"2024-05-01T18:00:00.5\"}").createdAt());
        assertEquals(Instant.parse("2024-04-30T16:00:00Z"), read("{\"createdAt\":\"2024-05-01\"}").createdAt());
        assertEquals(tenUtc, read("{\"createdAt\":" + tenUtc.toEpochMilli() + "}").createdAt());
        assertEquals(tenUtc, read("{\"createdAt\":\"" + tenUtc.toEpochMilli() + "\"}").createdAt());
        assertNull(read("{\"createdAt\":\"\"}").createdAt());
    }

    @Test
    void badCreatedAtNamesTheValueAndTheForms() throws Exception {
        InvalidRecordException e = invalid("{\"created_at\":\"yesterday\"}");
        assertEquals(ErrorCode.INVALID_FIELD, e.code());
        assertEquals("created_at (createdAt): \"yesterday\" is not a time (Text 'yesterday' could not be parsed at "
                + "index 0); expected an ISO-8601 time (2024-05-01T10:00:00Z, 2024-05-01T18:00:00+08:00, "
                + "2024-05-01 18:00:00 as Asia/Shanghai time, 2024-05-01) or epoch milliseconds (1714557600000)",
                e.getMessage());
        assertEquals(ErrorCode.INVALID_FIELD, invalid("{\"createdAt\":\"2024-02-30\"}").code());
        assertEquals(ErrorCode.INVALID_FIELD, invalid("{\"createdAt\":1714557600}").code());
        assertEquals(ErrorCode.INVALID_FIELD, invalid("{\"createdAt\":\"20240501\"}").code());
        assertEquals(ErrorCode.INVALID_FIELD, invalid("{\"createdAt\":true}").code());
        // Parses as ISO, but no index can store it as epoch milliseconds.
        assertTrue(invalid("{\"createdAt\":\"+999999999-01-01\"}").getMessage().contains("outside the years 1 to 9999"));
    }

    @Test
    void ratingMustBeANumberFromZeroToFive() throws Exception {
        assertEquals("rating: \"abc\" is not a number; expected a number from 0 to 5",
                invalid("{\"rating\":\"abc\"}").getMessage());
        assertEquals("rating: 5.5 is out of range; expected a number from 0 to 5",
                invalid("{\"rating\":5.5}").getMessage());
        assertEquals("score (rating): [4] is an array; expected a number from 0 to 5",
                invalid("{\"score\":[4]}").getMessage());
        assertNull(read("{\"rating\":\"\"}").rating());
        assertEquals(0.0, read("{\"rating\":0}").rating());
    }

    @Test
    void npsMustBeAWholeNumberFromZeroToTen() throws Exception {
        InvalidRecordException e = invalid("{\"nps\":12}");
        assertEquals(ErrorCode.INVALID_FIELD, e.code());
        assertEquals("nps: 12 is out of range; expected a whole number from 0 to 10", e.getMessage());
        assertEquals("nps: 7.5 is not a whole number; expected a whole number from 0 to 10",
                invalid("{\"nps\":7.5}").getMessage());
        assertEquals(8, read("{\"nps\":\"8\"}").nps());
        assertEquals(10, read("{\"nps\":10.0}").nps());
    }

    /** 1e999999999 in plain notation is a billion characters: kept as written instead. */
    @Test
    void hugeExponentsStayShort() throws Exception {
        Feedback f = FeedbackJson.toFeedback(FeedbackJson.read("{\"text\":\"x\",\"big\":1e999999999,\"price\":19.90}"), "in.jsonl", 7);
        assertEquals("1E+999999999", f.metadata().get("big"));
        assertEquals("19.90", f.metadata().get("price"));
    }

    @Test
    void unknownFieldsLandInMetadataAsStrings() throws Exception {
        Feedback f = read("{\"text\":\"x\",\"lang\":\"zh\",\"likes\":12,\"tags\":[\"a\",\"b\"],\"gone\":null}");
        assertEquals(Map.of("lang", "zh", "likes", "12", "tags", "[\"a\",\"b\"]", "gone", "null"), f.metadata());
    }

    @Test
    void metadataKeySetTwiceIsAnError() throws Exception {
        assertEquals("metadata key lang is set twice (by a top-level member and in metadata, or as channel_raw)",
                invalid("{\"lang\":\"zh\",\"metadata\":{\"lang\":\"en\"}}").getMessage());
        assertEquals("metadata: \"x\" is a string; expected an object of name/value pairs",
                invalid("{\"metadata\":\"x\"}").getMessage());
    }

    @Test
    void unknownChannelIsOtherWithTheLabelKept() throws Exception {
        Feedback f = read("{\"channel\":\"小红书\"}");
        assertEquals(Channel.OTHER, f.channel());
        assertEquals(Map.of(FeedbackJson.CHANNEL_RAW, "小红书"), f.metadata());
        assertEquals(Channel.REVIEW, read("{\"channel\":\"Review\"}").channel());
        assertEquals(Map.of(), read("{\"channel\":\"Review\"}").metadata());
    }

    @Test
    void objectAsAStringFieldIsInvalid() throws Exception {
        assertEquals("store: {\"name\":\"x\"} is an object; expected a string",
                invalid("{\"store\":{\"name\":\"x\"}}").getMessage());
    }

    @Test
    void nonObjectIsMalformed() throws Exception {
        assertEquals(ErrorCode.MALFORMED_JSON, invalid("42").code());
    }
}
