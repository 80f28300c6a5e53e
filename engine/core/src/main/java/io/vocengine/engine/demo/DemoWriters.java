package io.vocengine.engine.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.vocengine.engine.demo.OpsModel.Customer;
import io.vocengine.engine.demo.OpsModel.NpsResponse;
import io.vocengine.engine.demo.OpsModel.Order;
import io.vocengine.engine.demo.OpsModel.Repair;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Streams the generated records to UTF-8 files: one JSON object per line, RFC 4180 CSV with "\n" line ends. */
final class DemoWriters {
    private static final JsonFactory JSON = new JsonFactory();

    private DemoWriters() {
    }

    /**
     * Writes feedback.jsonl; items must already be in file order. Ids follow that order (FB0000001 …).
     *
     * @return NPS response id → id of the feedback line holding its comment
     */
    static Map<String, String> feedback(Path file, List<FeedbackItem> items) throws IOException {
        Map<String, String> commentOf = new HashMap<>();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator g = JSON.createGenerator(w)) {
            g.setRootValueSeparator(new SerializedString("\n"));
            int n = 0;
            for (FeedbackItem it : items) {
                String id = Ids.of("FB", ++n, 7);
                if (it.npsResponseId() != null) commentOf.put(it.npsResponseId(), id);
                g.writeStartObject();
                g.writeStringField("id", id);
                g.writeStringField("text", it.text());
                g.writeStringField("channel", it.channel().json());
                g.writeStringField("source", it.source());
                g.writeStringField("createdAt", DateTimeFormatter.ISO_INSTANT.format(it.createdAt()));
                optional(g, "customerId", it.customerId());
                optional(g, "orderId", it.orderId());
                optional(g, "product", it.product());
                optional(g, "store", it.store());
                optional(g, "region", it.region());
                if (it.rating() != null) g.writeNumberField("rating", it.rating());
                if (it.nps() != null) g.writeNumberField("nps", it.nps());
                g.writeObjectFieldStart("metadata");
                g.writeStringField("domain", it.domain().id);
                optional(g, "productName", it.productName());
                optional(g, "survey", it.survey());
                g.writeEndObject();
                g.writeEndObject();
            }
            if (n > 0) g.writeRaw('\n');
        }
        return commentOf;
    }

    static void customers(Path file, List<Customer> customers) throws IOException {
        try (CSVPrinter csv = csv(file, "customer_id", "tier", "annual_value_cny", "region", "signup_date")) {
            for (Customer c : customers) {
                csv.printRecord(c.id(), c.tier().name(), c.annualValueCny(), c.city().name(), c.signupDate());
            }
        }
    }

    static void orders(Path file, List<Order> orders) throws IOException {
        try (CSVPrinter csv = csv(file, "order_id", "customer_id", "domain", "sku", "amount_cny", "order_date")) {
            for (Order o : orders) {
                csv.printRecord(o.id(), o.customer().id(), o.customer().domain().id, o.product().sku(),
                        BigDecimal.valueOf(o.amountFen(), 2).toPlainString(), o.date());
            }
        }
    }

    /** @return rows written */
    static int deliveries(Path file, List<Order> orders) throws IOException {
        int rows = 0;
        try (CSVPrinter csv = csv(file, "order_id", "shipped_date", "delivered_date", "wait_days", "damaged")) {
            for (Order o : orders) {
                if (o.delivery() == null) continue;
                OpsModel.Delivery d = o.delivery();
                csv.printRecord(o.id(), d.shipped(), d.delivered(), d.waitDays(), d.damaged());
                rows++;
            }
        }
        return rows;
    }

    static void repairs(Path file, List<Repair> repairs) throws IOException {
        try (CSVPrinter csv = csv(file, "repair_id", "customer_id", "domain", "sku", "opened_date", "closed_date",
                "duration_days")) {
            for (Repair r : repairs) {
                csv.printRecord(r.id(), r.customer().id(), r.customer().domain().id, r.product().sku(), r.opened(),
                        r.closed(), r.durationDays());
            }
        }
    }

    /** @param commentOf response id → feedback id of its comment; responses without a comment leave the cell empty */
    static void nps(Path file, List<NpsResponse> responses, Map<String, String> commentOf) throws IOException {
        try (CSVPrinter csv = csv(file, "response_id", "customer_id", "date", "score", "feedback_id")) {
            for (NpsResponse r : responses) {
                csv.printRecord(r.id(), r.customer().id(), r.date(), r.score(), commentOf.getOrDefault(r.id(), ""));
            }
        }
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) g.writeStringField(field, value);
    }

    private static CSVPrinter csv(Path file, String... header) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header).setRecordSeparator("\n").get();
        return new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), format);
    }
}
