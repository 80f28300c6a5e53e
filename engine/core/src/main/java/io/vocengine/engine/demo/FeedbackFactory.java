package io.vocengine.engine.demo;

import io.vocengine.engine.demo.Catalog.City;
import io.vocengine.engine.demo.Catalog.Product;
import io.vocengine.engine.demo.Domain.Outlet;
import io.vocengine.engine.demo.OpsModel.Customer;
import io.vocengine.engine.demo.OpsModel.NpsResponse;
import io.vocengine.engine.demo.OpsModel.Order;
import io.vocengine.engine.demo.OpsModel.Repair;
import io.vocengine.engine.demo.TextComposer.Message;
import io.vocengine.engine.model.Channel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns operational facts into feedback items: picks what the customer talks about, composes the text, frames it
 * for its channel, adds noise and fills in the contract fields. All text randomness comes from one stream.
 */
final class FeedbackFactory {
    /** CSV dates are China dates; createdAt instants are written in UTC. */
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    /** When people post, by hour of day (China time): evenings busiest, nights quiet. */
    private static final double[] HOUR_WEIGHTS =
            {1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.5, 2.5, 3, 3, 3.5, 4, 3.5, 3, 3, 3, 3.5, 4, 5, 6, 6, 5, 3};
    /** Where effect-carrying e-commerce complaints are voiced. */
    private static final List<Outlet> COMPLAINT_OUTLETS = List.of(
            new Outlet(Channel.REVIEW, 0.55, List.of("tmall", "tmall", "jd"), true),
            new Outlet(Channel.COMPLAINT, 0.30, List.of("call-center", "app"), true),
            new Outlet(Channel.CHAT, 0.15, List.of("app"), true));
    /** Effect-carrying complaints come within days of the delivery (orders stop early enough for this to fit). */
    static final int PLANTED_LAG_DAYS = 3;
    private static final Predicate<Topic> NOT_LOGISTICS = t -> !t.node().startsWith("logistics.");
    private static final Predicate<Topic> ANY = t -> true;

    private final Rand rand;
    private final TextComposer composer;
    private final NoiseInjector noise;
    private final Instant windowEnd;
    private long seq;

    FeedbackFactory(DemoConfig config, Rand textRand, NoiseInjector noise) {
        this.rand = textRand;
        this.composer = new TextComposer(textRand);
        this.noise = noise;
        this.windowEnd = config.end().plusDays(1).atStartOfDay().toInstant(CHINA).minusSeconds(1);
    }

    // ---- planted e-commerce complaints (effects 2 and 3) ----

    /** A slow-delivery complaint; when the same parcel also drew a packaging complaint, one text carries both. */
    FeedbackItem slowDelivery(Order order, boolean packagingToo) {
        PhraseBank bank = EcommercePhrases.BANK;
        List<Topic> topics = new ArrayList<>(3);
        if (!packagingToo && rand.chance(0.2)) topics.add(pickTopic(bank, Sentiment.POSITIVE, NOT_LOGISTICS, topics));
        topics.add(bank.topic(EcommercePhrases.SLOW_DELIVERY));
        if (packagingToo) topics.add(bank.topic(EcommercePhrases.PACKAGING_DAMAGED));
        return orderFeedback(order, Outlet.pick(COMPLAINT_OUTLETS, rand), topics);
    }

    /** A packaging-damage complaint, sometimes mixed with praise for a fast delivery ("物流很快，但是包装破了"). */
    FeedbackItem packagingDamaged(Order order) {
        PhraseBank bank = EcommercePhrases.BANK;
        List<Topic> topics = new ArrayList<>(2);
        if (order.delivery().waitDays() <= 2 && rand.chance(0.35)) topics.add(bank.topic(EcommercePhrases.FAST_DELIVERY));
        topics.add(bank.topic(EcommercePhrases.PACKAGING_DAMAGED));
        if (topics.size() == 1 && rand.chance(0.25)) topics.add(pickTopic(bank, Sentiment.NEGATIVE, NOT_LOGISTICS, topics));
        return orderFeedback(order, Outlet.pick(COMPLAINT_OUTLETS, rand), topics);
    }

    // ---- survey comments (effect 4) ----

    /** The comment of an NPS answer, consistent with its score and, after a repair, with how long it took. */
    FeedbackItem npsComment(NpsResponse r) {
        Customer c = r.customer();
        Domain d = c.domain();
        PhraseBank bank = d.phrases();
        Repair repair = r.repair();
        List<Topic> topics;
        if (repair != null) {
            topics = repairTopics(d, r.score(), PlantedEffects.slowRepair(repair.durationDays()));
        } else {
            Sentiment tone = r.score() >= 9 ? Sentiment.POSITIVE : r.score() >= 7 ? Sentiment.MIXED : Sentiment.NEGATIVE;
            topics = pickTopics(bank, tone, ANY, null);
        }
        Product product = repair != null ? repair.product() : rand.pick(Catalog.mainProducts(d));
        int repairDays = repair != null ? repair.durationDays() : 0;
        Message m = composer.compose(bank, topics, new Template.Slots(product.shortName(), 0, repairDays));
        String source = d == Domain.PHONE || d == Domain.ECOMMERCE ? "app" : "wechat";
        return item(d, Channel.SURVEY, source, instant(r.date()), c, null, product, m, r.score(),
                repair != null ? "repair" : "relationship", r.id(), repair != null);
    }

    /**
     * What a customer says after a repair: promoters praise (the quick repair, or something else when it was slow),
     * passives mix praise with a complaint (the slowness when it was slow), detractors complain (ditto).
     */
    private List<Topic> repairTopics(Domain d, int score, boolean slow) {
        PhraseBank bank = d.phrases();
        Topic slowRepair = bank.topic(d == Domain.PHONE ? PhonePhrases.REPAIR_SLOW : AutoPhrases.REPAIR_SLOW);
        Topic fastRepair = bank.topic(d == Domain.PHONE ? PhonePhrases.REPAIR_FAST : AutoPhrases.REPAIR_FAST);
        List<Topic> topics = new ArrayList<>(2);
        if (score >= 7) {
            topics.add(slow ? pickTopic(bank, Sentiment.POSITIVE, ANY, topics) : fastRepair);
            if (score <= 8 && slow) topics.add(slowRepair);
            else if (score <= 8 && rand.chance(0.5)) topics.add(pickTopic(bank, Sentiment.NEGATIVE, ANY, topics));
        } else {
            topics.add(slow ? slowRepair : pickTopic(bank, Sentiment.NEGATIVE, ANY, topics));
            if (rand.chance(0.3)) topics.add(pickTopic(bank, Sentiment.NEGATIVE, ANY, topics));
        }
        return topics;
    }

    // ---- everyday feedback ----

    /**
     * Feedback with no planted effect. {@code allowed} keeps it consistent with the order (no praise for a fast
     * delivery that took a week); {@code crash} makes a phone item talk about crashes (effect 6).
     */
    FeedbackItem background(Domain d, Outlet outlet, Order order, LocalDate day, boolean crash, Predicate<Topic> allowed) {
        PhraseBank bank = d.phrases();
        Sentiment tone = crash ? (rand.chance(0.8) ? Sentiment.NEGATIVE : Sentiment.MIXED) : tone(outlet.channel());
        List<Topic> topics = pickTopics(bank, tone, allowed, crash ? bank.topic(PhonePhrases.CRASH) : null);
        String source = rand.pick(outlet.sources());
        Product product = order != null ? order.product() : rand.chance(0.5) ? rand.pick(Catalog.mainProducts(d)) : null;
        int wait = order != null && order.delivery() != null ? order.delivery().waitDays() : 0;
        String name = product != null ? product.shortName() : rand.pick(Catalog.mainProducts(d)).shortName();
        Message m = composer.compose(bank, topics, new Template.Slots(name, wait, 0));
        Customer c = order != null ? order.customer() : null;
        return item(d, outlet.channel(), source, instant(day), c, order, product, m, null, null, null, false);
    }

    FeedbackItem spam(Domain d, Outlet outlet, LocalDate day) {
        String source = rand.pick(outlet.sources());
        Integer rating = outlet.channel() == Channel.REVIEW ? 5 : null;
        return new FeedbackItem(seq++, d, outlet.channel(), source, instant(day), null, null, null, null, null, null,
                rating, null, null, null, noise.spam());
    }

    /** A platform's placeholder review for an order the customer never reviewed. */
    FeedbackItem filler(Order order, String source, LocalDate day) {
        return plain(order, Channel.REVIEW, source, day, 5, noise.filler(source));
    }

    FeedbackItem mash(Order order, Outlet outlet, LocalDate day) {
        Integer rating = outlet.channel() == Channel.REVIEW ? Sentiment.NEUTRAL.stars(rand) : null;
        return plain(order, outlet.channel(), rand.pick(outlet.sources()), day, rating, noise.mash());
    }

    /** The same text posted again by the same customer a little later. */
    FeedbackItem repost(FeedbackItem original) {
        return original.copy(seq++, later(original.createdAt(), 1, 240), original.text());
    }

    /** The same text edited by one or two characters and posted again. */
    FeedbackItem nearDuplicate(FeedbackItem original) {
        return original.copy(seq++, later(original.createdAt(), 10, 3 * 24 * 60), noise.nearDuplicate(original.text()));
    }

    // ---- shared ----

    private FeedbackItem orderFeedback(Order order, Outlet outlet, List<Topic> topics) {
        Domain d = order.customer().domain();
        int wait = order.delivery() != null ? order.delivery().waitDays() : 0;
        Message m = composer.compose(d.phrases(), topics, new Template.Slots(order.product().shortName(), wait, 0));
        LocalDate day = rand.day(order.experienced(), order.experienced().plusDays(PLANTED_LAG_DAYS));
        return item(d, outlet.channel(), rand.pick(outlet.sources()), instant(day), order.customer(), order,
                order.product(), m, null, null, null, false);
    }

    private FeedbackItem item(Domain d, Channel channel, String source, Instant at, Customer c, Order order,
                              Product product, Message m, Integer nps, String survey, String npsId, boolean service) {
        String text = noise.apply(composer.frame(m.text(), m.sentiment(), channel, source, d.phrases()), m.sentiment());
        Integer rating = channel == Channel.REVIEW ? m.sentiment().stars(rand) : null;
        City city = c != null ? c.city() : Catalog.CITIES.get(rand.weighted(Catalog.CITY_WEIGHTS));
        String store = c != null ? Catalog.store(d, city, c.district(), source, service) : null;
        return new FeedbackItem(seq++, d, channel, source, at, c != null ? c.id() : null, order != null ? order.id() : null,
                product != null ? product.sku() : null, product != null ? product.name() : null, store, city.name(),
                rating, nps, survey, npsId, text);
    }

    private FeedbackItem plain(Order order, Channel channel, String source, LocalDate day, Integer rating, String text) {
        Customer c = order.customer();
        Domain d = c.domain();
        return new FeedbackItem(seq++, d, channel, source, instant(day), c.id(), order.id(), order.product().sku(),
                order.product().name(), Catalog.store(d, c.city(), c.district(), source, false), c.city().name(),
                rating, null, null, null, text);
    }

    private Sentiment tone(Channel channel) {
        double x = rand.unit();
        return switch (channel) {
            case COMPLAINT -> Sentiment.NEGATIVE;
            case CHAT -> x < 0.7 ? Sentiment.NEGATIVE : x < 0.85 ? Sentiment.MIXED : Sentiment.POSITIVE;
            case SOCIAL -> x < 0.5 ? Sentiment.NEGATIVE : x < 0.65 ? Sentiment.MIXED : Sentiment.POSITIVE;
            default -> x < 0.25 ? Sentiment.NEGATIVE : x < 0.4 ? Sentiment.MIXED : Sentiment.POSITIVE;
        };
    }

    /** One to three distinct topics of the given overall tone; {@code forced} (negative) is always among them. */
    private List<Topic> pickTopics(PhraseBank bank, Sentiment tone, Predicate<Topic> allowed, Topic forced) {
        List<Topic> out = new ArrayList<>(3);
        switch (tone) {
            case POSITIVE -> {
                int n = rand.chance(0.3) ? 1 : rand.chance(0.7) ? 2 : 3;
                for (int i = 0; i < n; i++) out.add(pickTopic(bank, Sentiment.POSITIVE, allowed, out));
            }
            case NEGATIVE -> {
                out.add(forced != null ? forced : pickTopic(bank, Sentiment.NEGATIVE, allowed, out));
                if (rand.chance(0.55)) out.add(pickTopic(bank, Sentiment.NEGATIVE, allowed, out));
            }
            default -> {
                Topic bad = forced != null ? forced : pickTopic(bank, Sentiment.NEGATIVE, allowed, out);
                Topic good = pickTopic(bank, Sentiment.POSITIVE, allowed, List.of(bad));
                if (rand.chance(0.75)) out.addAll(List.of(good, bad));
                else out.addAll(List.of(bad, good));
            }
        }
        return out;
    }

    /** A background topic by weight, avoiding aspects already talked about (no praise and blame of the same thing). */
    private Topic pickTopic(PhraseBank bank, Sentiment tone, Predicate<Topic> allowed, List<Topic> taken) {
        List<Topic> pool = bank.background(tone).stream().filter(allowed).filter(t -> !covers(bank, taken, t)).toList();
        if (pool.isEmpty()) pool = bank.background(tone);
        double[] w = new double[pool.size()];
        for (int i = 0; i < w.length; i++) w[i] = pool.get(i).weight();
        return pool.get(rand.weighted(w));
    }

    private static boolean covers(PhraseBank bank, List<Topic> taken, Topic t) {
        for (Topic x : taken) if (bank.subject(x).equals(bank.subject(t))) return true;
        return false;
    }

    private Instant instant(LocalDate day) {
        LocalDateTime t = day.atTime(rand.weighted(HOUR_WEIGHTS), rand.between(0, 59), rand.between(0, 59));
        Instant at = t.toInstant(CHINA);
        return at.isAfter(windowEnd) ? windowEnd : at;
    }

    private Instant later(Instant from, int minMinutes, int maxMinutes) {
        Instant at = from.plusSeconds(60L * rand.between(minMinutes, maxMinutes));
        return at.isAfter(windowEnd) ? windowEnd : at;
    }
}
