package io.vocengine.engine.demo;

import io.vocengine.engine.demo.Domain.Outlet;
import io.vocengine.engine.demo.OpsModel.Delivery;
import io.vocengine.engine.demo.OpsModel.NpsResponse;
import io.vocengine.engine.demo.OpsModel.Order;
import io.vocengine.engine.model.Channel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Generates the embedded demo dataset: synthetic Chinese feedback for four businesses plus the operational records
 * behind it, with effects of known size planted in both (see {@link PlantedEffects} and effects.json).
 * <p>
 * Deterministic: the same {@link DemoConfig} gives byte-identical files. Randomness comes from named streams of the
 * seed (operations, effect draws, background plan, text, noise), and nothing iterates a hash-ordered collection or
 * reads the clock.
 */
public final class DemoDataGenerator {
    public static final String FEEDBACK_FILE = "feedback.jsonl";
    public static final String CUSTOMERS_FILE = "customers.csv";
    public static final String ORDERS_FILE = "orders.csv";
    public static final String DELIVERIES_FILE = "deliveries.csv";
    public static final String REPAIRS_FILE = "repairs.csv";
    public static final String NPS_FILE = "nps.csv";
    public static final String EFFECTS_FILE = "effects.json";

    private static final double REPAIR_COMMENT_RATE = 0.70;
    private static final double RELATIONSHIP_COMMENT_RATE = 0.50;
    /** Platforms post a placeholder review this many days after delivery at the latest. */
    private static final int FILLER_LAG_DAYS = 15;

    private final DemoConfig config;

    public DemoDataGenerator(DemoConfig config) {
        this.config = config;
    }

    public DemoSummary generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        OpsModel ops = OpsModel.generate(config, Rand.stream(config.seed(), "ops"));
        Run run = new Run(ops);
        run.plantedComplaints();
        run.surveyComments();
        int total = config.feedbackCount();
        int spam = share(total, NoiseInjector.SPAM_ITEM_SHARE);
        int filler = share(total, NoiseInjector.FILLER_ITEM_SHARE);
        int mash = share(total, NoiseInjector.MASH_ITEM_SHARE);
        int reposts = share(total, NoiseInjector.REPOST_SHARE);
        int nearDuplicates = share(total, NoiseInjector.NEAR_DUPLICATE_SHARE);
        int background = total - run.items.size() - spam - filler - mash - reposts - nearDuplicates;
        if (background < 0) {
            throw new IllegalStateException("feedbackCount " + total + " is too small for " + config.customers()
                    + " customers: their planted feedback alone needs " + run.items.size() + " items; lower customers");
        }
        run.background(background);
        run.noiseItems(spam, filler, mash);
        run.duplicates(reposts, nearDuplicates);
        run.items.sort(Comparator.comparing(FeedbackItem::createdAt).thenComparingLong(FeedbackItem::seq));
        return write(dir, ops, run.items, run.report);
    }

    /** One generation: the random streams, the items made so far and what the effects report has counted. */
    private final class Run {
        final OpsModel ops;
        final Rand plant = Rand.stream(config.seed(), "plant"); // planted-effect draws only
        final Rand plan = Rand.stream(config.seed(), "plan");   // who says something, where and when
        final FeedbackFactory make = new FeedbackFactory(config, Rand.stream(config.seed(), "text"),
                new NoiseInjector(Rand.stream(config.seed(), "noise")));
        final EffectsReport report = new EffectsReport(config);
        final List<FeedbackItem> items = new ArrayList<>(config.feedbackCount());
        final Map<Domain, List<Order>> ordersByDomain = new EnumMap<>(Domain.class);
        final Set<String> slowComplained = new HashSet<>();
        final Set<String> packagingComplained = new HashSet<>();
        final double[] domainWeights = Domain.weights(d -> d.backgroundShare);

        Run(OpsModel ops) {
            this.ops = ops;
            for (Order o : ops.orders) ordersByDomain.computeIfAbsent(o.customer().domain(), k -> new ArrayList<>()).add(o);
        }

        /** Effects 2 and 3: one draw per delivery for each complaint kind; a parcel drawing both gets one text. */
        void plantedComplaints() {
            for (Order o : ops.orders) {
                Delivery d = o.delivery();
                if (d == null) continue;
                boolean slow = plant.chance(PlantedEffects.slowComplaintRate(d.waitDays()));
                boolean packaging = plant.chance(PlantedEffects.packagingComplaintRate(d.damaged()));
                report.delivery(d, slow, packaging);
                if (slow) slowComplained.add(o.id());
                if (packaging) packagingComplained.add(o.id());
                if (slow) items.add(make.slowDelivery(o, packaging));
                else if (packaging) items.add(make.packagingDamaged(o));
            }
        }

        /** Effect 4 lives in the scores (OpsModel); the comments only have to agree with them. */
        void surveyComments() {
            for (NpsResponse r : ops.nps) {
                double rate = r.repair() != null ? REPAIR_COMMENT_RATE : RELATIONSHIP_COMMENT_RATE;
                if (plan.chance(rate)) items.add(make.npsComment(r));
            }
        }

        /** Everyday feedback, most of it about a real order; phone items carry effect 6. */
        void background(int count) {
            for (int i = 0; i < count; i++) {
                Domain d = randomDomain();
                Outlet outlet = Outlet.pick(d.outlets, plan);
                Order o = outlet.linked() ? plan.pick(ordersByDomain.get(d)) : null;
                LocalDate day = o != null ? dayAfter(plan, o.experienced(), d.feedbackLagDays) : anyDay();
                boolean crash = false;
                if (d == Domain.PHONE) {
                    crash = plant.chance(PlantedEffects.crashShare(day, config));
                    report.phoneItem(day, crash);
                }
                items.add(make.background(d, outlet, o, day, crash, consistentWith(o)));
            }
        }

        void noiseItems(int spam, int filler, int mash) {
            for (int i = 0; i < spam; i++) {
                Domain d = randomDomain();
                items.add(make.spam(d, d.outlet(plan.chance(0.6) ? Channel.REVIEW : Channel.SOCIAL), anyDay()));
            }
            // the platforms that post placeholder reviews
            List<Domain> placeholders = List.of(Domain.ECOMMERCE, Domain.PHONE, Domain.RESTAURANT);
            for (int i = 0; i < filler; i++) {
                Domain d = plan.pick(placeholders);
                Order o = plan.pick(ordersByDomain.get(d));
                String source = plan.pick(d.outlet(Channel.REVIEW).sources());
                items.add(make.filler(o, source, dayAfter(plan, o.experienced(), FILLER_LAG_DAYS)));
            }
            for (int i = 0; i < mash; i++) {
                Domain d = randomDomain();
                Order o = plan.pick(ordersByDomain.get(d));
                Outlet chat = d.outlet(Channel.CHAT);
                Outlet outlet = chat != null && plan.chance(0.3) ? chat : d.outlet(Channel.REVIEW);
                items.add(make.mash(o, outlet, dayAfter(plan, o.experienced(), d.feedbackLagDays)));
            }
        }

        /** Copies of what is already there; survey answers are not copied, each belongs to one nps.csv row. */
        void duplicates(int reposts, int nearDuplicates) {
            List<FeedbackItem> copyable = items.stream().filter(it -> it.channel() != Channel.SURVEY).toList();
            for (int i = 0; i < reposts; i++) items.add(make.repost(plan.pick(copyable)));
            for (int i = 0; i < nearDuplicates; i++) items.add(make.nearDuplicate(plan.pick(copyable)));
        }

        /**
         * Everyday talk about an e-commerce order must not contradict it: no praise for speed when the parcel was
         * slow or drew a slow-delivery complaint, none for the packaging when it was damaged or drew a damage complaint.
         */
        Predicate<Topic> consistentWith(Order o) {
            if (o == null || o.delivery() == null) return t -> true;
            boolean noSpeedPraise = o.delivery().waitDays() > 2 || slowComplained.contains(o.id());
            boolean noPackagingPraise = o.delivery().damaged() || packagingComplained.contains(o.id());
            return t -> !(noSpeedPraise && t.node().startsWith("logistics.speed"))
                    && !(noPackagingPraise && t.node().startsWith("logistics.packaging"));
        }

        Domain randomDomain() {
            return Domain.values()[plan.weighted(domainWeights)];
        }

        LocalDate anyDay() {
            return plan.day(config.start(), config.end());
        }
    }

    private DemoSummary write(Path dir, OpsModel ops, List<FeedbackItem> items, EffectsReport report) throws IOException {
        Map<String, Integer> rows = new LinkedHashMap<>();
        Map<String, String> commentOf = DemoWriters.feedback(dir.resolve(FEEDBACK_FILE), items);
        rows.put(FEEDBACK_FILE, items.size());
        DemoWriters.customers(dir.resolve(CUSTOMERS_FILE), ops.customers);
        rows.put(CUSTOMERS_FILE, ops.customers.size());
        DemoWriters.orders(dir.resolve(ORDERS_FILE), ops.orders);
        rows.put(ORDERS_FILE, ops.orders.size());
        rows.put(DELIVERIES_FILE, DemoWriters.deliveries(dir.resolve(DELIVERIES_FILE), ops.orders));
        DemoWriters.repairs(dir.resolve(REPAIRS_FILE), ops.repairs);
        rows.put(REPAIRS_FILE, ops.repairs.size());
        DemoWriters.nps(dir.resolve(NPS_FILE), ops.nps, commentOf);
        rows.put(NPS_FILE, ops.nps.size());
        rows.put(EFFECTS_FILE, report.write(dir.resolve(EFFECTS_FILE), ops));
        Map<String, Integer> byDomain = new LinkedHashMap<>();
        for (Domain d : Domain.values()) byDomain.put(d.id, 0);
        for (FeedbackItem it : items) byDomain.merge(it.domain().id, 1, Integer::sum);
        return new DemoSummary(dir, rows, byDomain);
    }

    private LocalDate dayAfter(Rand rand, LocalDate anchor, int maxLagDays) {
        LocalDate last = anchor.plusDays(maxLagDays);
        return rand.day(anchor, last.isAfter(config.end()) ? config.end() : last);
    }

    private static int share(int total, double share) {
        return (int) Math.round(total * share);
    }
}
