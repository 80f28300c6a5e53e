package io.vocengine.engine.demo;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocengine.engine.demo.OpsModel.NpsResponse;
import io.vocengine.engine.demo.OpsModel.Order;
import io.vocengine.engine.demo.OpsModel.Repair;
import io.vocengine.engine.demo.PlantedEffects.Tier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * effects.json: each planted effect with its description, parameters, the size a correct analysis should recover
 * ({@code expected}, from {@link PlantedEffects}) and what this particular dataset realised before any text noise
 * ({@code realized}, counted while generating), so tests can judge a recovered value against both.
 */
final class EffectsReport {
    private final DemoConfig config;
    // [0] = reference group (on time / intact / outside the spike), [1] = affected group
    private final long[] deliveries = new long[2];
    private final long[] slowComplaints = new long[2];
    private final long[] parcels = new long[2];
    private final long[] packagingComplaints = new long[2];
    private final long[] phoneItems = new long[2];
    private final long[] crashItems = new long[2];

    EffectsReport(DemoConfig config) {
        this.config = config;
    }

    void delivery(OpsModel.Delivery d, boolean slowComplaint, boolean packagingComplaint) {
        int late = PlantedEffects.late(d.waitDays()) ? 1 : 0;
        int damaged = d.damaged() ? 1 : 0;
        deliveries[late]++;
        if (slowComplaint) slowComplaints[late]++;
        parcels[damaged]++;
        if (packagingComplaint) packagingComplaints[damaged]++;
    }

    void phoneItem(LocalDate day, boolean crash) {
        int in = PlantedEffects.inCrashSpike(day, config) ? 1 : 0;
        phoneItems[in]++;
        if (crash) crashItems[in]++;
    }

    /** @return the number of effects written */
    int write(Path file, OpsModel ops) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("generator", "io.vocengine.engine.demo.DemoDataGenerator");
        root.put("seed", config.seed());
        root.put("feedbackCount", config.feedbackCount());
        root.put("customers", config.customers());
        root.put("windowStart", config.start().toString());
        root.put("windowEnd", config.end().toString());
        root.put("dateZone", "Asia/Shanghai (CSV dates are local dates; feedback createdAt is UTC)");
        root.put("orderCutoff", orderCutoff().toString());
        ArrayNode effects = root.putArray("effects");
        reorder(effects.addObject(), ops);
        lateComplaints(effects.addObject());
        packaging(effects.addObject());
        repairNps(effects.addObject(), ops);
        valueTiers(effects.addObject(), ops);
        crashSpike(effects.addObject());
        noise(root.putObject("noise"));
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));
        Files.writeString(file, json.writer(pretty).writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        return effects.size();
    }

    private LocalDate orderCutoff() {
        return config.end().minusDays(OpsModel.ORDER_CUTOFF_DAYS);
    }

    private void reorder(ObjectNode e, OpsModel ops) {
        header(e, "damaged_parcel_reorder",
                "快递破损的电商订单，客户90天内复购的概率比完好订单低30%。",
                "Customers whose e-commerce parcel arrived damaged are 30% less likely to order again within 90 days.",
                "orders.csv, deliveries.csv");
        ObjectNode p = e.putObject("parameters");
        p.put("damageRate", PlantedEffects.DAMAGE_RATE);
        p.put("reorderBaseline", PlantedEffects.REORDER_BASELINE);
        p.put("damagedMultiplier", PlantedEffects.REORDER_DAMAGED_MULTIPLIER);
        p.put("reorderWindowDays", PlantedEffects.REORDER_WINDOW_DAYS);
        p.put("lateReturnRate", PlantedEffects.LATE_RETURN_RATE);
        e.put("measure", "Unit: e-commerce order with delivered_date + " + PlantedEffects.REORDER_WINDOW_DAYS
                + " days <= orderCutoff (later orders are censored). Reordered: the same customer has another e-commerce"
                + " order with order_date in (delivered_date, delivered_date + " + PlantedEffects.REORDER_WINDOW_DAYS
                + "]. Size: P(reorder | damaged) / P(reorder | not damaged).");
        ObjectNode x = e.putObject("expected");
        x.put("intact", PlantedEffects.reorderRate(false));
        x.put("damaged", round(PlantedEffects.reorderRate(true)));
        x.put("ratio", PlantedEffects.REORDER_DAMAGED_MULTIPLIER);
        long[] n = new long[2], reordered = new long[2];
        Map<String, LocalDate> nextAfter = new HashMap<>();
        List<Order> orders = ops.orders;
        for (int i = orders.size() - 1; i >= 0; i--) { // newest first: the customer's next order is already known
            Order o = orders.get(i);
            if (o.delivery() == null) continue;
            LocalDate next = nextAfter.get(o.customer().id());
            nextAfter.put(o.customer().id(), o.date());
            LocalDate horizon = o.delivery().delivered().plusDays(PlantedEffects.REORDER_WINDOW_DAYS);
            if (horizon.isAfter(orderCutoff())) continue;
            int g = o.delivery().damaged() ? 1 : 0;
            n[g]++;
            if (next != null && !next.isAfter(horizon)) reordered[g]++;
        }
        realizedRates(e.putObject("realized"), "intact", "damaged", n, reordered);
    }

    private void lateComplaints(ObjectNode e) {
        header(e, "late_delivery_complaints",
                "等待超过3天的快递，物流慢投诉的比例是3天内送达的3倍。",
                "Deliveries that take more than 3 days draw slow-delivery complaints at 3x the rate of those within 3 days.",
                "deliveries.csv, feedback.jsonl");
        ObjectNode p = e.putObject("parameters");
        p.put("lateThresholdWaitDays", PlantedEffects.LATE_THRESHOLD_DAYS);
        p.put("complaintRateOnTime", PlantedEffects.SLOW_COMPLAINT_RATE_ON_TIME);
        p.put("lateMultiplier", PlantedEffects.SLOW_COMPLAINT_LATE_MULTIPLIER);
        p.put("taxonomyNode", "ecommerce." + EcommercePhrases.SLOW_DELIVERY);
        e.put("measure", "Unit: delivery (deliveries.csv); late when wait_days > " + PlantedEffects.LATE_THRESHOLD_DAYS
                + ". Complained: at least one feedback item with that orderId talks about slow delivery (terms, or aspect"
                + " + opinion in one clause, of the taxonomy node; negated mentions such as 物流不算慢 do not count)."
                + " Size: complaint rate late / complaint rate on time.");
        ObjectNode x = e.putObject("expected");
        x.put("onTime", PlantedEffects.slowComplaintRate(1));
        x.put("late", round(PlantedEffects.slowComplaintRate(PlantedEffects.LATE_THRESHOLD_DAYS + 1)));
        x.put("ratio", PlantedEffects.SLOW_COMPLAINT_LATE_MULTIPLIER);
        realizedRates(e.putObject("realized"), "onTime", "late", deliveries, slowComplaints);
    }

    private void packaging(ObjectNode e) {
        header(e, "damaged_parcel_packaging_complaints",
                "快递破损的订单有60%会收到包装破损的反馈，完好的订单只有1%。",
                "60% of damaged deliveries produce a packaging-damage complaint; only 1% of intact ones do.",
                "deliveries.csv, feedback.jsonl");
        ObjectNode p = e.putObject("parameters");
        p.put("complaintRateDamaged", PlantedEffects.PACKAGING_COMPLAINT_RATE_DAMAGED);
        p.put("complaintRateIntact", PlantedEffects.PACKAGING_COMPLAINT_RATE_INTACT);
        p.put("taxonomyNode", "ecommerce." + EcommercePhrases.PACKAGING_DAMAGED);
        e.put("measure", "Unit: delivery; damaged from deliveries.csv. Complained: at least one feedback item with that"
                + " orderId talks about damaged packaging (taxonomy node terms or aspect + opinion in one clause, not negated,"
                + " no exclude word). Size: both rates.");
        ObjectNode x = e.putObject("expected");
        x.put("intact", PlantedEffects.PACKAGING_COMPLAINT_RATE_INTACT);
        x.put("damaged", PlantedEffects.PACKAGING_COMPLAINT_RATE_DAMAGED);
        x.put("ratio", round(PlantedEffects.PACKAGING_COMPLAINT_RATE_DAMAGED
                / PlantedEffects.PACKAGING_COMPLAINT_RATE_INTACT));
        realizedRates(e.putObject("realized"), "intact", "damaged", parcels, packagingComplaints);
    }

    private void repairNps(ObjectNode e, OpsModel ops) {
        header(e, "slow_repair_nps",
                "维修超过7天的客户，随后的NPS评分平均比7天内修好的低3分。",
                "NPS answers after a repair that took more than 7 days average 3 points lower than after a repair"
                        + " closed within 7 days.",
                "repairs.csv, nps.csv");
        ObjectNode p = e.putObject("parameters");
        p.put("slowRepairThresholdDays", PlantedEffects.SLOW_REPAIR_THRESHOLD_DAYS);
        p.put("npsMeanFast", PlantedEffects.NPS_MEAN_FAST_REPAIR);
        p.put("npsMeanSlow", PlantedEffects.NPS_MEAN_SLOW_REPAIR);
        p.put("scoreDistribution", "Binomial(10, mean / 10)");
        p.put("surveyDaysAfterClose", "1-" + PlantedEffects.NPS_MAX_DAYS_AFTER_REPAIR);
        e.put("measure", "Join nps.csv to repairs.csv on customer_id where nps date is 1-"
                + PlantedEffects.NPS_MAX_DAYS_AFTER_REPAIR + " days after closed_date (a customer has at most one repair;"
                + " relationship surveys come only from customers without one). Slow when duration_days > "
                + PlantedEffects.SLOW_REPAIR_THRESHOLD_DAYS + ". Size: mean score fast - mean score slow.");
        ObjectNode x = e.putObject("expected");
        x.put("fast", PlantedEffects.NPS_MEAN_FAST_REPAIR);
        x.put("slow", PlantedEffects.NPS_MEAN_SLOW_REPAIR);
        x.put("gap", round(PlantedEffects.NPS_MEAN_FAST_REPAIR - PlantedEffects.NPS_MEAN_SLOW_REPAIR));
        long[] n = new long[2], sum = new long[2];
        for (NpsResponse r : ops.nps) {
            Repair repair = r.repair();
            if (repair == null) continue;
            int g = PlantedEffects.slowRepair(repair.durationDays()) ? 1 : 0;
            n[g]++;
            sum[g] += r.score();
        }
        ObjectNode real = e.putObject("realized");
        group(real, "fast", n[0]).put("mean", rate(sum[0], n[0]));
        group(real, "slow", n[1]).put("mean", rate(sum[1], n[1]));
        real.put("gap", round((double) sum[0] / Math.max(1, n[0]) - (double) sum[1] / Math.max(1, n[1])));
    }

    private void valueTiers(ObjectNode e, OpsModel ops) {
        header(e, "value_at_stake",
                "客户分为A(高价值)、B(中价值)、C(普通)三档，A档年价值约为C档的10倍，可按金额给问题排序。",
                "Customers fall into tiers A (high value), B (mid) and C (standard); A is worth about 10x C a year,"
                        + " so issues can be ranked by money.",
                "customers.csv");
        ObjectNode p = e.putObject("parameters");
        ArrayNode tiers = p.putArray("tiers");
        for (Tier t : Tier.values()) {
            ObjectNode o = tiers.addObject();
            o.put("tier", t.name());
            o.put("label", t.label);
            o.put("share", t.share);
            o.put("valueMultiplier", t.valueMultiplier);
        }
        ObjectNode base = p.putObject("baseAnnualValueCny");
        for (Domain d : Domain.values()) base.put(d.id, d.baseAnnualValueCny);
        p.put("jitter", "uniform [" + PlantedEffects.VALUE_JITTER_MIN + ", " + PlantedEffects.VALUE_JITTER_MAX + "]");
        e.put("measure", "annual_value_cny = base of the customer's domain x tier multiplier x jitter (tier independent of"
                + " domain). Size: mean annual value of tier A / tier C, and of B / C.");
        ObjectNode x = e.putObject("expected");
        x.put("ratioAtoC", Tier.A.valueMultiplier / Tier.C.valueMultiplier);
        x.put("ratioBtoC", Tier.B.valueMultiplier / Tier.C.valueMultiplier);
        long[] n = new long[Tier.values().length], sum = new long[Tier.values().length];
        for (OpsModel.Customer c : ops.customers) {
            n[c.tier().ordinal()]++;
            sum[c.tier().ordinal()] += c.annualValueCny();
        }
        ObjectNode r = e.putObject("realized");
        double[] mean = new double[n.length];
        for (Tier t : Tier.values()) {
            mean[t.ordinal()] = (double) sum[t.ordinal()] / Math.max(1, n[t.ordinal()]);
            group(r, t.name(), n[t.ordinal()]).put("meanValueCny", Math.round(mean[t.ordinal()]));
        }
        r.put("ratioAtoC", round(mean[Tier.A.ordinal()] / mean[Tier.C.ordinal()]));
        r.put("ratioBtoC", round(mean[Tier.B.ordinal()] / mean[Tier.C.ordinal()]));
    }

    private void crashSpike(ObjectNode e) {
        header(e, "firmware_crash_spike",
                "系统更新后约四周内，手机反馈中提到闪退卡顿的比例是平时的4倍。",
                "For four weeks after a firmware update, the share of phone feedback about crashes and lag is 4x normal.",
                "feedback.jsonl");
        ObjectNode p = e.putObject("parameters");
        p.put("windowStart", PlantedEffects.crashSpikeStart(config).toString());
        p.put("windowEnd", PlantedEffects.crashSpikeEnd(config).toString());
        p.put("shareBaseline", PlantedEffects.CRASH_SHARE_BASELINE);
        p.put("multiplier", PlantedEffects.CRASH_SPIKE_MULTIPLIER);
        p.put("taxonomyNode", "phone." + PhonePhrases.CRASH);
        e.put("measure", "Unit: phone feedback item (metadata.domain = phone) other than survey answers, dated by createdAt"
                + " in China time. Share that talks about crashes (terms of the taxonomy node, not negated) inside the"
                + " window / share outside it.");
        ObjectNode x = e.putObject("expected");
        x.put("outside", PlantedEffects.CRASH_SHARE_BASELINE);
        x.put("inside", round(PlantedEffects.CRASH_SHARE_BASELINE * PlantedEffects.CRASH_SPIKE_MULTIPLIER));
        x.put("ratio", PlantedEffects.CRASH_SPIKE_MULTIPLIER);
        x.put("note", "planted on everyday phone items; spam, filler and duplicates dilute both shares alike");
        realizedRates(e.putObject("realized"), "outside", "inside", phoneItems, crashItems);
    }

    private void noise(ObjectNode n) {
        n.put("note", "per-item rates are independent draws; shares are of all feedback items");
        n.put("emojiRate", NoiseInjector.EMOJI_RATE);
        n.put("kaomojiRate", NoiseInjector.KAOMOJI_RATE);
        n.put("slangRate", NoiseInjector.SLANG_RATE);
        n.put("typoRate", NoiseInjector.TYPO_RATE);
        n.put("traditionalRate", NoiseInjector.TRADITIONAL_RATE);
        n.put("fullWidthRateAmongItemsWithAsciiLettersOrDigits", NoiseInjector.FULL_WIDTH_RATE);
        n.put("repeatRate", NoiseInjector.REPEAT_RATE);
        n.put("adRate", NoiseInjector.AD_RATE);
        n.put("piiRate", NoiseInjector.PII_RATE);
        n.put("mashRate", NoiseInjector.MASH_RATE);
        n.put("spamItemShare", NoiseInjector.SPAM_ITEM_SHARE);
        n.put("fillerItemShare", NoiseInjector.FILLER_ITEM_SHARE);
        n.put("mashItemShare", NoiseInjector.MASH_ITEM_SHARE);
        n.put("repostShare", NoiseInjector.REPOST_SHARE);
        n.put("nearDuplicateShare", NoiseInjector.NEAR_DUPLICATE_SHARE);
    }

    private static void header(ObjectNode e, String id, String zh, String en, String files) {
        e.put("id", id);
        ObjectNode d = e.putObject("description");
        d.put("zh", zh);
        d.put("en", en);
        e.put("files", files);
    }

    /** {"onTime": {"n": .., "rate": ..}, "late": {...}, "ratio": rate(late) / rate(onTime)} */
    private static void realizedRates(ObjectNode r, String label0, String label1, long[] n, long[] hits) {
        group(r, label0, n[0]).put("rate", rate(hits[0], n[0]));
        group(r, label1, n[1]).put("rate", rate(hits[1], n[1]));
        r.put("ratio", round(ratio(hits, n)));
    }

    private static ObjectNode group(ObjectNode r, String label, long n) {
        ObjectNode g = r.putObject(label);
        g.put("n", n);
        return g;
    }

    private static double ratio(long[] hits, long[] n) {
        double base = (double) hits[0] / Math.max(1, n[0]);
        return base == 0 ? 0 : ((double) hits[1] / Math.max(1, n[1])) / base;
    }

    private static double rate(long hits, long n) {
        return round((double) hits / Math.max(1, n));
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
