package io.vocengine.engine.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads a generated demo directory the way a consumer would: only through its files. */
final class DemoFiles {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    final Path dir;
    final List<JsonNode> feedback;
    final List<CSVRecord> customers, orders, deliveries, repairs, nps;
    final JsonNode effects;

    DemoFiles(Path dir) {
        this.dir = dir;
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("feedback.jsonl"), StandardCharsets.UTF_8)) {
                lines.add(JSON.readTree(line));
            }
            this.feedback = lines;
            this.customers = csv("customers.csv");
            this.orders = csv("orders.csv");
            this.deliveries = csv("deliveries.csv");
            this.repairs = csv("repairs.csv");
            this.nps = csv("nps.csv");
            this.effects = JSON.readTree(dir.resolve("effects.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<CSVRecord> csv(String name) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8);
             CSVParser p = format.parse(r)) {
            return p.getRecords();
        }
    }

    JsonNode effect(String id) {
        for (JsonNode e : effects.get("effects")) if (e.get("id").asText().equals(id)) return e;
        throw new AssertionError("effects.json has no effect " + id);
    }

    static String text(JsonNode item) {
        return item.get("text").asText();
    }

    static String field(JsonNode item, String name) {
        JsonNode v = item.get(name);
        return v == null ? null : v.asText();
    }

    static String domain(JsonNode item) {
        return item.get("metadata").get("domain").asText();
    }

    /** The China-time calendar day of an item's createdAt. */
    static LocalDate day(JsonNode item) {
        return java.time.Instant.parse(item.get("createdAt").asText()).atOffset(CHINA).toLocalDate();
    }

    static LocalDate date(CSVRecord r, String column) {
        return LocalDate.parse(r.get(column));
    }
}
