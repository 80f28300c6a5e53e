package io.vocengine.engine.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@link io.vocengine.engine.model.Feedback} fields an input record can set, with the names they go by.
 * <p>
 * JSON names are matched exactly (case-sensitive): the canonical key first, then its aliases. CSV header names are
 * matched case-insensitively against {@link #csvHeaders()}; the list order is the priority when several columns
 * match. Immutable.
 */
public enum FeedbackField {
    ID("id", List.of(), List.of("id", "index", "编号")),
    TEXT("text", List.of("content", "review", "comment"),
            List.of("text", "review", "content", "comment", "reviewbody", "内容", "评价", "评论", "文本")),
    CHANNEL("channel", List.of(), List.of("channel", "渠道")),
    SOURCE("source", List.of(), List.of("source")),
    CREATED_AT("createdAt", List.of("created_at"),
            List.of("created_at", "createdAt", "time", "date", "时间", "日期")),
    CUSTOMER_ID("customerId", List.of("customer_id"), List.of("customer_id", "customerId", "客户")),
    ORDER_ID("orderId", List.of("order_id"), List.of("order_id", "orderId", "订单号")),
    PRODUCT("product", List.of("sku"), List.of("product", "sku", "cat", "商品")),
    STORE("store", List.of(), List.of("store", "门店")),
    REGION("region", List.of(), List.of("region", "地区")),
    RATING("rating", List.of("score"), List.of("rating", "star", "stars", "评分", "星级")),
    NPS("nps", List.of(), List.of("nps"));

    private final String key;
    private final List<String> jsonNames;
    private final List<String> csvHeaders;

    FeedbackField(String key, List<String> jsonAliases, List<String> csvHeaders) {
        this.key = key;
        this.jsonNames = concat(key, jsonAliases);
        this.csvHeaders = csvHeaders;
    }

    /** The canonical JSON name (camelCase), also the key of a CSV column map. */
    public String key() {
        return key;
    }

    /** JSON names in priority order: the canonical key, then the aliases (created_at, sku, score, content, ...). */
    public List<String> jsonNames() {
        return jsonNames;
    }

    /** CSV header names that map to this field without an explicit column map, in priority order. */
    public List<String> csvHeaders() {
        return csvHeaders;
    }

    /** The field called {@code name} (its key or a JSON alias, any case), if there is one. */
    public static Optional<FeedbackField> fromName(String name) {
        for (FeedbackField f : values()) {
            for (String n : f.jsonNames) {
                if (n.equalsIgnoreCase(name.trim())) return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** All canonical keys, comma-separated, for messages. */
    public static String keys() {
        return Arrays.stream(values()).map(FeedbackField::key).collect(Collectors.joining(", "));
    }

    private static List<String> concat(String key, List<String> aliases) {
        return Stream.concat(Stream.of(key), aliases.stream()).toList();
    }
}
