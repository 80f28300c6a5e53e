package io.vocengine.engine.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocengine.engine.model.ErrorCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed {@link FeedbackField}s out of one JSON object and remembers which members it used, so that the rest
 * can go to metadata. Every wrong value throws an {@link InvalidRecordException} naming the member, the value and
 * what was expected. Not thread-safe: one per record.
 */
final class RecordFields {
    /** Local times in Chinese feedback exports are Beijing time. */
    private static final ZoneId LOCAL_ZONE = ZoneId.of("Asia/Shanghai");
    // Below 1973-03-03 a number is far likelier epoch seconds (1714557600) or a compact date (20240501) than millis.
    private static final long MIN_EPOCH_MILLIS = 100_000_000_000L;
    private static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z
    private static final Instant MIN_TIME = Instant.parse("0001-01-01T00:00:00Z");
    /** Numbers whose plain notation stays within this many digits of how they were written are shown plainly. */
    private static final int MAX_PLAIN_SCALE = 64;
    private static final String TIME_FORMS = "an ISO-8601 time (2024-05-01T10:00:00Z, 2024-05-01T18:00:00+08:00, "
            + "2024-05-01 18:00:00 as Asia/Shanghai time, 2024-05-01) or epoch milliseconds (1714557600000)";
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);
    private static final int MAX_SHOWN = 80;

    private final ObjectNode node;
    private final Set<String> used = new HashSet<>();

    RecordFields(ObjectNode node) {
        this.node = node;
    }

    /** The member that sets a field, under the name the record used. */
    private record Member(String name, FeedbackField field, JsonNode value) {
        String label() {
            return name.equals(field.key()) ? name : name + " (" + field.key() + ")";
        }
    }

    /** A string field: any scalar, numbers and booleans as their JSON text. Null when absent or null. */
    String string(FeedbackField field) throws InvalidRecordException {
        Member m = find(field);
        if (m == null) return null;
        if (m.value.isContainerNode()) throw invalid(m, "is " + kind(m.value) + "; expected a string");
        return scalarText(m.value);
    }

    /** 0–5, halves and other fractions allowed; a number or a numeric string. Null when absent or blank. */
    Double rating() throws InvalidRecordException {
        Member m = find(FeedbackField.RATING);
        String expected = "a number from 0 to 5";
        BigDecimal d = m == null ? null : number(m, expected);
        if (d == null) return null;
        if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(5)) > 0) {
            throw invalid(m, "is out of range; expected " + expected);
        }
        return d.doubleValue();
    }

    /** A whole number 0–10; a number or a numeric string. Null when absent or blank. */
    Integer nps() throws InvalidRecordException {
        Member m = find(FeedbackField.NPS);
        String expected = "a whole number from 0 to 10";
        BigDecimal d = m == null ? null : number(m, expected);
        if (d == null) return null;
        if (d.signum() < 0 || d.compareTo(BigDecimal.TEN) > 0) {
            throw invalid(m, "is out of range; expected " + expected);
        }
        if (d.stripTrailingZeros().scale() > 0) throw invalid(m, "is not a whole number; expected " + expected);
        return d.intValue();
    }

    /** See {@link FeedbackJson} for the accepted forms. Null when absent or blank. */
    Instant createdAt() throws InvalidRecordException {
        Member m = find(FeedbackField.CREATED_AT);
        if (m == null) return null;
        if (m.value.isNumber()) return epochMillis(m, m.value.decimalValue());
        if (!m.value.isTextual()) throw invalid(m, "is " + kind(m.value) + "; expected " + TIME_FORMS);
        String s = m.value.textValue().trim();
        if (s.isEmpty()) return null;
        if (s.chars().allMatch(c -> c >= '0' && c <= '9')) return epochMillis(m, new BigDecimal(s));
        // "2024-05-01 18:00:00", the usual database export form, is read like the ISO 'T' form.
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        TemporalAccessor t;
        try {
            t = TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        } catch (DateTimeParseException e) {
            throw invalid(m, "is not a time (" + e.getMessage() + "); expected " + TIME_FORMS);
        }
        Instant at = switch (t) {
            case OffsetDateTime o -> o.toInstant();
            case LocalDateTime l -> l.atZone(LOCAL_ZONE).toInstant();
            case LocalDate d -> d.atStartOfDay(LOCAL_ZONE).toInstant();
            default -> throw new IllegalStateException("parseBest returned " + t.getClass());
        };
        // The index keeps epoch milliseconds: a year such as +999999999 parses but cannot be stored.
        if (at.isBefore(MIN_TIME) || at.isAfter(Instant.ofEpochMilli(MAX_EPOCH_MILLIS))) {
            throw invalid(m, "is outside the years 1 to 9999; expected " + TIME_FORMS);
        }
        return at;
    }

    /**
     * Adds the {@code metadata} object's members, then every member no field used, as strings (non-strings as their
     * JSON text, so nothing is lost). A key set twice is an error rather than a silent overwrite.
     */
    void addMetadata(Map<String, String> out) throws InvalidRecordException {
        used.add("metadata");
        JsonNode meta = node.get("metadata");
        if (meta != null && !meta.isNull()) {
            if (!meta.isObject()) {
                throw new InvalidRecordException(ErrorCode.INVALID_FIELD, "metadata: " + show(meta) + " is "
                        + kind(meta) + "; expected an object of name/value pairs");
            }
            for (Map.Entry<String, JsonNode> e : meta.properties()) put(out, e.getKey(), e.getValue());
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!used.contains(e.getKey())) put(out, e.getKey(), e.getValue());
        }
    }

    /** "an object", "a string", ... for messages. */
    static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) return "nothing";
        return switch (v.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "binary data";
        };
    }

    private static void put(Map<String, String> out, String key, JsonNode value) throws InvalidRecordException {
        if (out.putIfAbsent(key, scalarText(value)) != null) {
            throw new InvalidRecordException(ErrorCode.INVALID_FIELD, "metadata key " + key + " is set twice (by a "
                    + "top-level member and in metadata, or as " + FeedbackJson.CHANNEL_RAW + ")");
        }
    }

    /** The first of the field's names present with a non-null value; null members count as absent but are used. */
    private Member find(FeedbackField field) {
        Member found = null;
        for (String name : field.jsonNames()) {
            JsonNode v = node.get(name);
            if (v == null || (found != null && !v.isNull())) continue; // a later alias with a value stays metadata
            used.add(name);
            if (!v.isNull()) found = new Member(name, field, v);
        }
        return found;
    }

    private BigDecimal number(Member m, String expected) throws InvalidRecordException {
        JsonNode v = m.value;
        if (v.isNumber()) return v.decimalValue();
        if (!v.isTextual()) throw invalid(m, "is " + kind(v) + "; expected " + expected);
        String s = v.textValue().trim();
        if (s.isEmpty()) return null;
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw invalid(m, "is not a number; expected " + expected);
        }
    }

    private Instant epochMillis(Member m, BigDecimal d) throws InvalidRecordException {
        if (d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(MIN_EPOCH_MILLIS)) < 0
                || d.compareTo(BigDecimal.valueOf(MAX_EPOCH_MILLIS)) > 0) {
            throw invalid(m, "is not epoch milliseconds between 1973 and 9999 (epoch seconds and compact dates "
                    + "like 20240501 are not accepted); expected " + TIME_FORMS);
        }
        return Instant.ofEpochMilli(d.longValueExact());
    }

    private static InvalidRecordException invalid(Member m, String problem) {
        return new InvalidRecordException(ErrorCode.INVALID_FIELD, m.label() + ": " + show(m.value) + " " + problem);
    }

    private static String show(JsonNode v) {
        String s = v.toString();
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…";
    }

    /**
     * Strings as they are; numbers in plain notation unless that would be far longer than they were written
     * (1e999999999 would become a billion digits); anything else as its JSON text.
     */
    private static String scalarText(JsonNode v) {
        if (v.isTextual()) return v.textValue();
        if (v.isIntegralNumber()) return v.bigIntegerValue().toString();
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue();
            return Math.abs((long) d.scale()) <= MAX_PLAIN_SCALE ? d.toPlainString() : d.toString(); // long: -MIN_VALUE
        }
        return v.toString();
    }
}
