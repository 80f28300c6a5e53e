package io.vocengine.engine.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocengine.engine.model.Channel;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The default 60,000-item dataset, read back only through its files: the ingest contract, referential and temporal
 * consistency, every planted effect recovered at its documented size, and the noise really present.
 */
class GeneratedDatasetTest {
    private static final Set<String> FIELDS = Set.of("id", "text", "channel", "source", "createdAt", "customerId",
            "orderId", "product", "store", "region", "rating", "nps", "metadata");
    private static final Set<String> CHANNELS = Set.of("review", "complaint", "survey", "chat", "social");
    private static final Set<String> DOMAINS = Set.of("ecommerce", "phone", "auto", "restaurant");

    @TempDir
    static Path dir;
    /** Another seed can be checked with -Ddemo.seed=N; the effects must hold for any seed, not just the default. */
    static DemoConfig config = DemoConfig.defaults().withSeed(Long.getLong("demo.seed", DemoConfig.DEFAULT_SEED));
    static DemoSummary summary;
    static DemoFiles files;
    static long millis;

    @BeforeAll
    static void generate() throws IOException {
        long t0 = System.nanoTime();
        summary = new DemoDataGenerator(config).generate(dir);
        millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("generated " + summary.rows() + " in " + millis + " ms");
        files = new DemoFiles(dir);
    }

    // ---- contract ----

    @Test
    void everyLineFollowsTheIngestContract() {
        assertEquals(config.feedbackCount(), files.feedback.size());
        Set<String> ids = new HashSet<>();
        for (JsonNode item : files.feedback) {
            item.fieldNames().forEachRemaining(f -> assertTrue(FIELDS.contains(f), "unexpected field " + f));
            item.fields().forEachRemaining(e -> assertTrue(!e.getValue().isNull(), "null " + e.getKey() + " in " + item));
            for (String required : List.of("id", "text", "channel", "source", "createdAt", "metadata")) {
                assertNotNull(item.get(required), required + " missing in " + item);
            }
            assertTrue(ids.add(item.get("id").asText()), "duplicate id " + item.get("id"));
            assertTrue(!DemoFiles.text(item).isBlank(), "empty text " + item);
            String channel = item.get("channel").asText();
            assertTrue(CHANNELS.contains(channel), channel);
            assertNotNull(Channel.parse(channel));
            assertTrue(DOMAINS.contains(DemoFiles.domain(item)));
            Instant.parse(item.get("createdAt").asText());
            LocalDate day = DemoFiles.day(item);
            assertTrue(!day.isBefore(config.start()) && !day.isAfter(config.end()), "outside the window: " + item);
            JsonNode rating = item.get("rating"), nps = item.get("nps");
            assertEquals(channel.equals("review"), rating != null, "rating on reviews only: " + item);
            assertEquals(channel.equals("survey"), nps != null, "nps on surveys only: " + item);
            if (rating != null) assertTrue(rating.isInt() && rating.asInt() >= 1 && rating.asInt() <= 5, item.toString());
            if (nps != null) assertTrue(nps.isInt() && nps.asInt() >= 0 && nps.asInt() <= 10, item.toString());
        }
        assertEquals(DOMAINS, Set.copyOf(summary.feedbackByDomain().keySet()));
    }

    @Test
    void everyReferenceResolves() {
        Map<String, CSVRecord> customers = index(files.customers, "customer_id");
        Map<String, CSVRecord> orders = index(files.orders, "order_id");
        Map<String, JsonNode> feedback = new HashMap<>();
        for (JsonNode item : files.feedback) {
            feedback.put(item.get("id").asText(), item);
            String c = DemoFiles.field(item, "customerId"), o = DemoFiles.field(item, "orderId");
            if (c != null) assertTrue(customers.containsKey(c), "unknown customer " + c);
            if (o != null) {
                assertTrue(orders.containsKey(o), "unknown order " + o);
                assertEquals(orders.get(o).get("customer_id"), c, "order and customer disagree in " + item);
                assertEquals(orders.get(o).get("domain"), DemoFiles.domain(item));
            }
        }
        for (CSVRecord o : files.orders) assertTrue(customers.containsKey(o.get("customer_id")));
        for (CSVRecord d : files.deliveries) assertEquals("ecommerce", orders.get(d.get("order_id")).get("domain"));
        for (CSVRecord r : files.repairs) {
            assertTrue(customers.containsKey(r.get("customer_id")));
            assertTrue(Set.of("phone", "auto").contains(r.get("domain")));
        }
        int comments = 0;
        for (CSVRecord n : files.nps) {
            assertTrue(customers.containsKey(n.get("customer_id")));
            String fb = n.get("feedback_id");
            if (fb.isEmpty()) continue;
            comments++;
            JsonNode item = feedback.get(fb);
            assertNotNull(item, "nps row points at missing feedback " + fb);
            assertEquals("survey", item.get("channel").asText());
            assertEquals(Integer.parseInt(n.get("score")), item.get("nps").asInt());
            assertEquals(n.get("customer_id"), DemoFiles.field(item, "customerId"));
        }
        long surveys = files.feedback.stream().filter(i -> i.get("channel").asText().equals("survey")).count();
        assertEquals(surveys, comments, "every survey line is the comment of exactly one nps row");
    }

    @Test
    void datesAreConsistent() {
        Map<String, CSVRecord> orders = index(files.orders, "order_id");
        Map<String, CSVRecord> deliveries = index(files.deliveries, "order_id");
        Map<String, LocalDate> firstOrder = new HashMap<>();
        for (CSVRecord o : files.orders) {
            firstOrder.merge(o.get("customer_id"), DemoFiles.date(o, "order_date"), (a, b) -> a.isBefore(b) ? a : b);
        }
        for (CSVRecord c : files.customers) {
            LocalDate first = firstOrder.get(c.get("customer_id"));
            assertNotNull(first, "customer without orders " + c);
            assertTrue(!DemoFiles.date(c, "signup_date").isAfter(first), "signed up after first order: " + c);
        }
        for (JsonNode item : files.feedback) {
            String o = DemoFiles.field(item, "orderId");
            if (o == null) continue;
            CSVRecord d = deliveries.get(o);
            LocalDate had = d != null ? DemoFiles.date(d, "delivered_date") : DemoFiles.date(orders.get(o), "order_date");
            assertTrue(!DemoFiles.day(item).isBefore(had), "feedback before the goods arrived: " + item);
        }
        for (CSVRecord d : files.deliveries) {
            LocalDate ordered = DemoFiles.date(orders.get(d.get("order_id")), "order_date");
            LocalDate shipped = DemoFiles.date(d, "shipped_date"), delivered = DemoFiles.date(d, "delivered_date");
            assertTrue(!shipped.isBefore(ordered) && shipped.isBefore(delivered), d.toString());
            assertEquals(ordered.plusDays(Integer.parseInt(d.get("wait_days"))), delivered);
        }
        Map<String, CSVRecord> repairOf = index(files.repairs, "customer_id"); // at most one repair per customer
        assertEquals(files.repairs.size(), repairOf.size());
        for (CSVRecord r : files.repairs) {
            LocalDate opened = DemoFiles.date(r, "opened_date"), closed = DemoFiles.date(r, "closed_date");
            assertEquals(opened.plusDays(Integer.parseInt(r.get("duration_days"))), closed);
            assertTrue(opened.isAfter(firstOrder.get(r.get("customer_id"))), "repair before purchase " + r);
        }
        for (CSVRecord n : files.nps) {
            CSVRecord r = repairOf.get(n.get("customer_id"));
            if (r == null) continue;
            assertTrue(DemoFiles.date(n, "date").isAfter(DemoFiles.date(r, "closed_date")), "NPS before repair closed " + n);
        }
    }

    @Test
    void ratingsAgreeWithTheText() {
        NodeMatcher slow = NodeMatcher.of("ecommerce." + EcommercePhrases.SLOW_DELIVERY);
        NodeMatcher damaged = NodeMatcher.of("ecommerce." + EcommercePhrases.PACKAGING_DAMAGED);
        int complaints = 0;
        for (JsonNode item : files.feedback) {
            if (item.get("rating") == null || DemoFiles.field(item, "orderId") == null) continue;
            String text = DemoFiles.text(item);
            if (slow.matches(text) || damaged.matches(text)) {
                complaints++;
                assertTrue(item.get("rating").asInt() <= 3, "complaint rated high: " + item);
            }
            if (text.equals("默认好评") || text.equals("此用户未填写评价内容")) assertEquals(5, item.get("rating").asInt());
        }
        assertTrue(complaints > 1_000, "reviews carrying complaints: " + complaints);
        long mixed = files.feedback.stream().filter(i -> i.get("rating") != null && i.get("rating").asInt() == 3).count();
        assertTrue(mixed > 1_000, "mixed reviews: " + mixed);
    }

    // ---- planted effects, recovered from the files ----

    /** Effect 1: P(reorder within 90 days | damaged) = 0.7 × P(reorder | intact). */
    @Test
    void damagedParcelsCutReorders() {
        Map<String, CSVRecord> deliveries = index(files.deliveries, "order_id");
        LocalDate cutoff = LocalDate.parse(files.effects.get("orderCutoff").asText());
        Map<String, List<LocalDate>> orderDates = new HashMap<>();
        for (CSVRecord o : files.orders) {
            if (!o.get("domain").equals("ecommerce")) continue;
            orderDates.computeIfAbsent(o.get("customer_id"), k -> new ArrayList<>()).add(DemoFiles.date(o, "order_date"));
        }
        long[] n = new long[2], reordered = new long[2];
        for (CSVRecord o : files.orders) {
            CSVRecord d = deliveries.get(o.get("order_id"));
            if (d == null) continue;
            LocalDate delivered = DemoFiles.date(d, "delivered_date");
            LocalDate horizon = delivered.plusDays(PlantedEffects.REORDER_WINDOW_DAYS);
            if (horizon.isAfter(cutoff)) continue;
            int g = Boolean.parseBoolean(d.get("damaged")) ? 1 : 0;
            n[g]++;
            List<LocalDate> dates = orderDates.get(o.get("customer_id"));
            if (dates.stream().anyMatch(x -> x.isAfter(delivered) && !x.isAfter(horizon))) reordered[g]++;
        }
        double intact = rate(reordered[0], n[0]), damaged = rate(reordered[1], n[1]);
        assertTrue(n[1] > 1_000, "damaged orders: " + n[1]);
        assertWithin("reorder rate intact", intact, 0.50, 0.60);
        assertWithin("reorder ratio damaged/intact", damaged / intact, 0.62, 0.78);
    }

    /** Effect 2: late deliveries (wait > 3 days) draw slow-delivery complaints at 3× the on-time rate. */
    @Test
    void lateDeliveriesDrawSlowDeliveryComplaints() {
        Set<String> complained = ordersWhoseFeedbackMatches("ecommerce." + EcommercePhrases.SLOW_DELIVERY);
        long[] n = new long[2], hit = new long[2];
        for (CSVRecord d : files.deliveries) {
            int g = Integer.parseInt(d.get("wait_days")) > PlantedEffects.LATE_THRESHOLD_DAYS ? 1 : 0;
            n[g]++;
            if (complained.contains(d.get("order_id"))) hit[g]++;
        }
        double onTime = rate(hit[0], n[0]), late = rate(hit[1], n[1]);
        assertWithin("slow-complaint rate on time", onTime, 0.045, 0.075);
        assertWithin("slow-complaint ratio late/on time", late / onTime, 2.4, 3.6);
    }

    /** Effect 3: most damaged parcels produce a packaging-damage complaint, intact ones almost never. */
    @Test
    void damagedParcelsDrawPackagingComplaints() {
        Set<String> complained = ordersWhoseFeedbackMatches("ecommerce." + EcommercePhrases.PACKAGING_DAMAGED);
        long[] n = new long[2], hit = new long[2];
        for (CSVRecord d : files.deliveries) {
            int g = Boolean.parseBoolean(d.get("damaged")) ? 1 : 0;
            n[g]++;
            if (complained.contains(d.get("order_id"))) hit[g]++;
        }
        assertWithin("packaging-complaint rate damaged", rate(hit[1], n[1]), 0.50, 0.70);
        assertWithin("packaging-complaint rate intact", rate(hit[0], n[0]), 0.003, 0.02);
    }

    /** Effect 4: NPS after a repair of more than 7 days averages about 3 points lower. */
    @Test
    void slowRepairsLowerNps() {
        Map<String, CSVRecord> repairOf = index(files.repairs, "customer_id");
        long[] n = new long[2], sum = new long[2];
        for (CSVRecord row : files.nps) {
            CSVRecord r = repairOf.get(row.get("customer_id"));
            if (r == null) continue;
            LocalDate closed = DemoFiles.date(r, "closed_date"), answered = DemoFiles.date(row, "date");
            if (!answered.isAfter(closed) || answered.isAfter(closed.plusDays(14))) continue;
            int g = Integer.parseInt(r.get("duration_days")) > PlantedEffects.SLOW_REPAIR_THRESHOLD_DAYS ? 1 : 0;
            n[g]++;
            sum[g] += Integer.parseInt(row.get("score"));
        }
        assertTrue(n[1] > 200, "slow-repair responses: " + n[1]);
        double fast = (double) sum[0] / n[0], slow = (double) sum[1] / n[1];
        assertWithin("mean NPS after fast repair", fast, 7.9, 8.5);
        assertWithin("NPS gap fast - slow", fast - slow, 2.4, 3.6);
    }

    /** Effect 5: tier A customers are worth about 10× tier C. */
    @Test
    void highValueTierIsWorthMuchMore() {
        Map<String, double[]> byTier = new HashMap<>();
        for (CSVRecord c : files.customers) {
            double[] acc = byTier.computeIfAbsent(c.get("tier"), k -> new double[2]);
            acc[0]++;
            acc[1] += Double.parseDouble(c.get("annual_value_cny"));
        }
        assertEquals(Set.of("A", "B", "C"), byTier.keySet());
        double a = byTier.get("A")[1] / byTier.get("A")[0], b = byTier.get("B")[1] / byTier.get("B")[0];
        double c = byTier.get("C")[1] / byTier.get("C")[0];
        assertWithin("tier A share", byTier.get("A")[0] / files.customers.size(), 0.04, 0.06);
        assertWithin("value ratio A/C", a / c, 8.5, 11.5);
        assertWithin("value ratio B/C", b / c, 2.6, 3.4);
    }

    /** Effect 6: inside the firmware-update window, crash talk in phone feedback is about 4× its usual share. */
    @Test
    void firmwareUpdateSpikesCrashTalk() {
        NodeMatcher crash = NodeMatcher.of("phone." + PhonePhrases.CRASH);
        JsonNode p = files.effect("firmware_crash_spike").get("parameters");
        LocalDate from = LocalDate.parse(p.get("windowStart").asText()), to = LocalDate.parse(p.get("windowEnd").asText());
        long[] n = new long[2], hit = new long[2];
        for (JsonNode item : files.feedback) {
            if (!DemoFiles.domain(item).equals("phone") || item.get("channel").asText().equals("survey")) continue;
            LocalDate day = DemoFiles.day(item);
            int g = !day.isBefore(from) && !day.isAfter(to) ? 1 : 0;
            n[g]++;
            if (crash.matches(DemoFiles.text(item))) hit[g]++;
        }
        double outside = rate(hit[0], n[0]), inside = rate(hit[1], n[1]);
        assertTrue(n[1] > 400, "phone items in the window: " + n[1]);
        assertWithin("crash share outside the window", outside, 0.03, 0.06);
        assertWithin("crash share ratio inside/outside", inside / outside, 2.8, 5.2);
    }

    @Test
    void effectsFileStatesThePlantedSizes() {
        JsonNode e = files.effects;
        assertEquals(config.seed(), e.get("seed").asLong());
        List<String> ids = new ArrayList<>();
        e.get("effects").forEach(x -> ids.add(x.get("id").asText()));
        assertEquals(List.of("damaged_parcel_reorder", "late_delivery_complaints", "damaged_parcel_packaging_complaints",
                "slow_repair_nps", "value_at_stake", "firmware_crash_spike"), ids);
        for (JsonNode x : e.get("effects")) {
            for (String key : List.of("description", "parameters", "measure", "expected", "realized")) {
                assertNotNull(x.get(key), x.get("id") + " lacks " + key);
            }
            assertTrue(!x.get("description").get("zh").asText().isBlank());
            assertTrue(!x.get("description").get("en").asText().isBlank());
        }
        assertEquals(0.7, files.effect("damaged_parcel_reorder").get("expected").get("ratio").asDouble());
        assertEquals(3.0, files.effect("late_delivery_complaints").get("expected").get("ratio").asDouble());
        assertEquals(0.6, files.effect("damaged_parcel_packaging_complaints").get("expected").get("damaged").asDouble());
        assertEquals(3.0, files.effect("slow_repair_nps").get("expected").get("gap").asDouble(), 1e-9);
        assertEquals(10.0, files.effect("value_at_stake").get("expected").get("ratioAtoC").asDouble());
        assertEquals(4.0, files.effect("firmware_crash_spike").get("expected").get("ratio").asDouble());
        JsonNode realized = files.effect("damaged_parcel_reorder").get("realized");
        assertWithin("realized reorder ratio", realized.get("ratio").asDouble(), 0.62, 0.78);
    }

    // ---- text realism and noise ----

    @Test
    void searchingForDamagedPackagingFindsMany() {
        long both = files.feedback.stream().map(DemoFiles::text).filter(t -> t.contains("包装") && t.contains("破损")).count();
        assertTrue(both > 500, "items with 包装 and 破损: " + both);
    }

    @Test
    void duplicatesAreThereAtAFewPercent() {
        Set<String> seen = new HashSet<>();
        long exact = files.feedback.stream().map(DemoFiles::text).filter(t -> !seen.add(t)).count();
        assertWithin("exact duplicate share", (double) exact / files.feedback.size(), 0.02, 0.08);
        // near duplicates: the same customer and order with texts one or two characters apart
        Map<String, List<String>> byOrder = new HashMap<>();
        for (JsonNode item : files.feedback) {
            String o = DemoFiles.field(item, "orderId");
            if (o != null) byOrder.computeIfAbsent(o, k -> new ArrayList<>()).add(DemoFiles.text(item));
        }
        long near = 0;
        for (List<String> texts : byOrder.values()) {
            for (int i = 0; i < texts.size(); i++) {
                for (int j = i + 1; j < texts.size(); j++) {
                    if (!texts.get(i).equals(texts.get(j)) && editDistance(texts.get(i), texts.get(j)) <= 3) near++;
                }
            }
        }
        assertWithin("near-duplicate share", (double) near / files.feedback.size(), 0.005, 0.03);
    }

    @Test
    void noiseIsReallyThere() {
        assertShare("emoji", t -> EMOJI.matcher(t).find(), 0.06, 0.25);
        assertShare("traditional characters", t -> TRADITIONAL.matcher(t).find(), 0.01, 0.06);
        assertShare("full-width letters or digits", t -> FULL_WIDTH.matcher(t).find(), 0.005, 0.06);
        assertShare("internet slang", t -> SLANG.matcher(t).find(), 0.02, 0.10);
        assertShare("kaomoji", containsAny("QAQ", "╯°□°", "orz", "ಥ_ಥ", "^▽^"), 0.005, 0.05);
        assertShare("repeated punctuation", containsAny("！！！", "。。。", "~~~"), 0.01, 0.08);
        assertShare("ads and urls", containsAny("http", "加微信", "私聊", "刷单"), 0.01, 0.04);
        assertShare("template filler", t -> Set.of("默认好评", "此用户未填写评价内容", "系统默认好评").contains(t), 0.003, 0.04);
        assertShare("keyboard mashing", containsAny("asdf", "qwerty", "zxcvbn"), 0.001, 0.01);
        assertShare("mobile numbers", t -> PHONE_NUMBER.matcher(t).find(), 0.002, 0.02);
        assertShare("e-mail addresses", containsAny("@163.com", "@qq.com", "@126.com", "@gmail.com"), 0.0005, 0.01);
        assertShare("benign negations", containsAny("不算慢", "一点也不慢", "没有破损", "没有闪退", "没有卡顿"), 0.005, 0.10);
        assertShare("contrast", containsAny("但是", "不过", "就是"), 0.05, 0.5);
    }

    private static final Pattern EMOJI = Pattern.compile("[\\x{1F300}-\\x{1FAFF}\\x{2764}]");
    private static final Pattern TRADITIONAL = Pattern.compile("[這個們沒還買東時間務態裝質遞發貨壞損說對點]");
    private static final Pattern SLANG = Pattern.compile("yyds|绝绝子|木有|肿么|酱紫|神马|稀饭|灰常|真的会谢|无语子|蚌埠住了|栓Q|爱了爱了|真香|emmm");
    private static final Pattern PHONE_NUMBER = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern FULL_WIDTH = Pattern.compile("[０-９Ａ-Ｚａ-ｚ]");

    private static Predicate<String> containsAny(String... needles) {
        return t -> {
            for (String n : needles) if (t.contains(n)) return true;
            return false;
        };
    }

    private static void assertShare(String what, Predicate<String> test, double min, double max) {
        long hits = files.feedback.stream().map(DemoFiles::text).filter(test).count();
        assertWithin(what + " share", (double) hits / files.feedback.size(), min, max);
    }

    // ---- helpers ----

    private static Set<String> ordersWhoseFeedbackMatches(String nodeId) {
        NodeMatcher m = NodeMatcher.of(nodeId);
        Set<String> orders = new HashSet<>();
        for (JsonNode item : files.feedback) {
            String o = DemoFiles.field(item, "orderId");
            if (o != null && DemoFiles.domain(item).equals("ecommerce") && m.matches(DemoFiles.text(item))) orders.add(o);
        }
        return orders;
    }

    private static Map<String, CSVRecord> index(List<CSVRecord> rows, String column) {
        Map<String, CSVRecord> m = new HashMap<>();
        for (CSVRecord r : rows) m.put(r.get(column), r);
        return m;
    }

    private static double rate(long hits, long n) {
        if (n == 0) fail("empty group");
        return (double) hits / n;
    }

    private static void assertWithin(String what, double value, double min, double max) {
        System.out.printf("%s = %.4f (expected %.3f..%.3f)%n", what, value, min, max);
        assertTrue(value >= min && value <= max, what + " = " + value + ", expected within [" + min + ", " + max + "]");
    }

    private static int editDistance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3) return 4;
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), substitution);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
