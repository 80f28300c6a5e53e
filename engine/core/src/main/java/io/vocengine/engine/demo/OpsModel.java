package io.vocengine.engine.demo;

import io.vocengine.engine.demo.Catalog.City;
import io.vocengine.engine.demo.Catalog.Product;
import io.vocengine.engine.demo.PlantedEffects.Tier;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The operational side: customers, orders, deliveries, repairs and NPS answers. Effects 1, 4 and 5 live here;
 * effects 2, 3 and 6 are drawn on top of these records by {@link DemoDataGenerator}. Dates are local (Asia/Shanghai).
 */
final class OpsModel {
    /** Orders stop this long before the window ends, so their deliveries and feedback still fall inside it. */
    static final int ORDER_CUTOFF_DAYS = 14;
    /** Phones and cars bought this long before the end at the latest, to leave room for use and repairs. */
    static final int PURCHASE_CUTOFF_DAYS = 60;
    /** Repairs open this long before the end at the latest, so the slowest one closes and is surveyed in time. */
    static final int REPAIR_CUTOFF_DAYS = 45;
    static final int SLOW_REPAIR_MAX_DAYS = 30;

    /** Delivery wait in days, 1..10; 30% of deliveries are late (> 3 days). */
    private static final double[] WAIT_WEIGHTS = {18, 28, 24, 12, 7, 4, 3, 2, 1, 1};
    private static final double PHONE_ADD_ON_RATE = 0.15;
    private static final double PHONE_REPAIR_RATE = 0.25;
    private static final double AUTO_REPAIR_RATE = 0.40;
    private static final double SLOW_REPAIR_SHARE = 0.30;
    private static final double REPAIR_SURVEY_RESPONSE_RATE = 0.70;
    /** Customers without a repair occasionally answer a relationship survey; their scores carry no planted effect. */
    private static final double RELATIONSHIP_SURVEY_RATE = 0.06;
    private static final double RELATIONSHIP_NPS_MEAN = 7.5;
    /** Restaurant visits per customer: 1 + geometric, mean about 3.3. */
    private static final double RESTAURANT_REVISIT_RATE = 0.70;

    record Customer(String id, Domain domain, Tier tier, int annualValueCny, City city, int district, LocalDate signupDate) {
    }

    /** wait_days counts from the order date to the delivery date: what the customer experiences as waiting. */
    record Delivery(LocalDate shipped, LocalDate delivered, int waitDays, boolean damaged) {
    }

    /** @param delivery only for e-commerce orders */
    record Order(String id, Customer customer, Product product, long amountFen, LocalDate date, Delivery delivery) {
        Order withId(String newId) {
            return new Order(newId, customer, product, amountFen, date, delivery);
        }

        /** The day the customer has the goods (or ate the meal): feedback about the order comes after it. */
        LocalDate experienced() {
            return delivery == null ? date : delivery.delivered();
        }
    }

    record Repair(String id, Customer customer, Product product, LocalDate opened, LocalDate closed) {
        int durationDays() {
            return (int) ChronoUnit.DAYS.between(opened, closed);
        }
    }

    /** @param repair the repair that triggered the survey; null for a relationship survey */
    record NpsResponse(String id, Customer customer, LocalDate date, int score, Repair repair) {
    }

    final List<Customer> customers;
    final List<Order> orders;
    final List<Repair> repairs;
    final List<NpsResponse> nps;

    private OpsModel(List<Customer> customers, List<Order> orders, List<Repair> repairs, List<NpsResponse> nps) {
        this.customers = customers;
        this.orders = orders;
        this.repairs = repairs;
        this.nps = nps;
    }

    static OpsModel generate(DemoConfig config, Rand rand) {
        return new Builder(config, rand).build();
    }

    private static final class Builder {
        final DemoConfig config;
        final Rand rand;
        final LocalDate orderCutoff;
        final List<Customer> customers = new ArrayList<>();
        /** Each customer's first order date, aligned with {@code customers}. */
        final List<LocalDate> firstDates = new ArrayList<>();
        final List<Order> orders = new ArrayList<>();
        final List<Repair> repairs = new ArrayList<>();
        final List<NpsResponse> nps = new ArrayList<>();

        Builder(DemoConfig config, Rand rand) {
            this.config = config;
            this.rand = rand;
            this.orderCutoff = config.end().minusDays(ORDER_CUTOFF_DAYS);
        }

        OpsModel build() {
            double[] domainWeights = Domain.weights(d -> d.customerShare);
            double[] tierWeights = new double[Tier.values().length];
            for (Tier t : Tier.values()) tierWeights[t.ordinal()] = t.share;
            for (int i = 1; i <= config.customers(); i++) {
                Domain domain = Domain.values()[rand.weighted(domainWeights)];
                Tier tier = Tier.values()[rand.weighted(tierWeights)];
                double jitter = PlantedEffects.VALUE_JITTER_MIN
                        + rand.unit() * (PlantedEffects.VALUE_JITTER_MAX - PlantedEffects.VALUE_JITTER_MIN);
                int value = (int) Math.round(domain.baseAnnualValueCny * tier.valueMultiplier * jitter);
                City city = Catalog.CITIES.get(rand.weighted(Catalog.CITY_WEIGHTS));
                LocalDate first = firstActivity(domain);
                Customer c = new Customer(Ids.of("C", i, 6), domain, tier, value, city, rand.between(0, 1),
                        first.minusDays(rand.between(0, 1_000)));
                customers.add(c);
                firstDates.add(first);
                switch (domain) {
                    case ECOMMERCE -> shopperOrders(c, first);
                    case RESTAURANT -> diningVisits(c, first);
                    case PHONE, AUTO -> purchaseAndService(c, first);
                }
            }
            List<Order> sortedOrders = new ArrayList<>(orders);
            sortedOrders.sort(Comparator.comparing(Order::date).thenComparing(o -> o.customer().id()));
            List<Order> numbered = new ArrayList<>(sortedOrders.size());
            for (Order o : sortedOrders) numbered.add(o.withId(Ids.of("O", numbered.size() + 1, 7)));
            List<Repair> numberedRepairs = number(repairs);
            return new OpsModel(List.copyOf(customers), List.copyOf(numbered), numberedRepairs, surveys(numberedRepairs));
        }

        private LocalDate firstActivity(Domain domain) {
            LocalDate last = switch (domain) {
                case ECOMMERCE, RESTAURANT -> orderCutoff;
                case PHONE, AUTO -> config.end().minusDays(PURCHASE_CUTOFF_DAYS);
            };
            return rand.day(config.start(), last);
        }

        /**
         * A chain of orders: after each delivery the customer reorders within the window with the effect-1
         * probability (lower when the parcel arrived damaged), else maybe returns much later, else stops.
         */
        private void shopperOrders(Customer c, LocalDate first) {
            LocalDate date = first;
            while (!date.isAfter(orderCutoff)) {
                Product p = rand.pick(Catalog.products(Domain.ECOMMERCE));
                int qty = rand.chance(0.8) ? 1 : rand.between(2, 3);
                long fen = Math.round(p.priceCny() * 100.0 * qty * (0.85 + 0.15 * rand.unit()));
                int wait = 1 + rand.weighted(WAIT_WEIGHTS);
                LocalDate shipped = date.plusDays(rand.between(0, Math.min(2, wait - 1)));
                Delivery d = new Delivery(shipped, date.plusDays(wait), wait, rand.chance(PlantedEffects.DAMAGE_RATE));
                orders.add(new Order(null, c, p, fen, date, d));
                if (rand.chance(PlantedEffects.reorderRate(d.damaged()))) {
                    date = d.delivered().plusDays(rand.between(1, PlantedEffects.REORDER_WINDOW_DAYS));
                } else if (rand.chance(PlantedEffects.LATE_RETURN_RATE)) {
                    int gap = rand.between(PlantedEffects.REORDER_WINDOW_DAYS + 1, PlantedEffects.LATE_RETURN_MAX_DAYS);
                    date = d.delivered().plusDays(gap);
                } else {
                    return;
                }
            }
        }

        private void diningVisits(Customer c, LocalDate first) {
            List<LocalDate> days = new ArrayList<>();
            days.add(first);
            while (days.size() < 12 && rand.chance(RESTAURANT_REVISIT_RATE)) days.add(rand.day(first, orderCutoff));
            days.sort(null);
            for (LocalDate day : days) {
                Product p = rand.pick(Catalog.products(Domain.RESTAURANT));
                orders.add(new Order(null, c, p, Math.round(p.priceCny() * 100.0 * (0.9 + 0.7 * rand.unit())), day, null));
            }
        }

        /** One main purchase (phone or car), maybe an add-on, maybe a repair followed by a survey. */
        private void purchaseAndService(Customer c, LocalDate bought) {
            Domain domain = c.domain();
            Product main = rand.pick(Catalog.mainProducts(domain));
            long discountFen = domain == Domain.AUTO ? rand.between(0, 150) * 10_000L : rand.between(0, 30) * 1_000L;
            orders.add(new Order(null, c, main, main.priceCny() * 100L - discountFen, bought, null));
            if (domain == Domain.PHONE && rand.chance(PHONE_ADD_ON_RATE)) {
                Product addOn = rand.pick(Catalog.addOns(domain));
                orders.add(new Order(null, c, addOn, addOn.priceCny() * 100L, bought.plusDays(rand.between(0, 30)), null));
            }
            if (!rand.chance(domain == Domain.PHONE ? PHONE_REPAIR_RATE : AUTO_REPAIR_RATE)) return;
            LocalDate opened = bought.plusDays(rand.between(7, 200));
            if (opened.isAfter(config.end().minusDays(REPAIR_CUTOFF_DAYS))) return;
            int days = rand.chance(SLOW_REPAIR_SHARE)
                    ? rand.between(PlantedEffects.SLOW_REPAIR_THRESHOLD_DAYS + 1, SLOW_REPAIR_MAX_DAYS)
                    : rand.between(1, PlantedEffects.SLOW_REPAIR_THRESHOLD_DAYS);
            repairs.add(new Repair(null, c, main, opened, opened.plusDays(days)));
        }

        private List<Repair> number(List<Repair> drafts) {
            List<Repair> sorted = new ArrayList<>(drafts);
            sorted.sort(Comparator.comparing(Repair::opened).thenComparing(r -> r.customer().id()));
            List<Repair> out = new ArrayList<>(sorted.size());
            for (Repair r : sorted) {
                out.add(new Repair(Ids.of("R", out.size() + 1, 6), r.customer(), r.product(), r.opened(), r.closed()));
            }
            return List.copyOf(out);
        }

        /** Post-repair surveys (effect 4) and a few relationship surveys from customers without a repair. */
        private List<NpsResponse> surveys(List<Repair> numbered) {
            List<NpsResponse> drafts = new ArrayList<>();
            Set<String> repaired = new HashSet<>();
            for (Repair r : numbered) {
                repaired.add(r.customer().id());
                if (!rand.chance(REPAIR_SURVEY_RESPONSE_RATE)) continue;
                int score = rand.binomial(10, PlantedEffects.npsMean(r.durationDays()) / 10.0);
                drafts.add(new NpsResponse(null, r.customer(),
                        r.closed().plusDays(rand.between(1, PlantedEffects.NPS_MAX_DAYS_AFTER_REPAIR)), score, r));
            }
            for (int i = 0; i < customers.size(); i++) {
                Customer c = customers.get(i);
                if (repaired.contains(c.id()) || !rand.chance(RELATIONSHIP_SURVEY_RATE)) continue;
                LocalDate day = firstDates.get(i).plusDays(rand.between(3, 60));
                if (day.isAfter(config.end())) continue;
                drafts.add(new NpsResponse(null, c, day, rand.binomial(10, RELATIONSHIP_NPS_MEAN / 10.0), null));
            }
            drafts.sort(Comparator.comparing(NpsResponse::date).thenComparing(r -> r.customer().id()));
            List<NpsResponse> out = new ArrayList<>(drafts.size());
            for (NpsResponse r : drafts) {
                out.add(new NpsResponse(Ids.of("N", out.size() + 1, 6), r.customer(), r.date(), r.score(), r.repair()));
            }
            return List.copyOf(out);
        }
    }
}
