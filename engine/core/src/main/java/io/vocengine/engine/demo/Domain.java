package io.vocengine.engine.demo;

import io.vocengine.engine.model.Channel;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The four businesses of the demo. Each has its own customers (share of the customer base), a typical annual value
 * (multiplied by the customer's tier, effect 5), a phrase bank and a channel mix for everyday feedback.
 */
enum Domain {
    ECOMMERCE("ecommerce", 0.55, 1_200, 0.40, 10, List.of(
            new Outlet(Channel.REVIEW, 0.70, List.of("tmall", "tmall", "jd"), true),
            new Outlet(Channel.COMPLAINT, 0.08, List.of("call-center", "app"), true),
            new Outlet(Channel.CHAT, 0.12, List.of("app"), true),
            new Outlet(Channel.SOCIAL, 0.10, List.of("weibo"), false))),
    PHONE("phone", 0.15, 3_000, 0.18, 120, List.of(
            new Outlet(Channel.REVIEW, 0.45, List.of("jd", "tmall"), true),
            new Outlet(Channel.COMPLAINT, 0.15, List.of("call-center"), true),
            new Outlet(Channel.CHAT, 0.10, List.of("app"), true),
            new Outlet(Channel.SOCIAL, 0.30, List.of("weibo"), false))),
    AUTO("auto", 0.10, 15_000, 0.12, 200, List.of(
            new Outlet(Channel.REVIEW, 0.50, List.of("autohome"), true),
            new Outlet(Channel.COMPLAINT, 0.20, List.of("call-center"), true),
            new Outlet(Channel.CHAT, 0.05, List.of("app"), true),
            new Outlet(Channel.SOCIAL, 0.25, List.of("weibo"), false))),
    RESTAURANT("restaurant", 0.20, 1_500, 0.30, 3, List.of(
            new Outlet(Channel.REVIEW, 0.82, List.of("dianping"), true),
            new Outlet(Channel.COMPLAINT, 0.05, List.of("app"), true),
            new Outlet(Channel.SOCIAL, 0.13, List.of("weibo"), false)));

    /**
     * Where everyday feedback is posted.
     *
     * @param linked whether such feedback carries the customer and order (a platform review does, a weibo post not)
     */
    record Outlet(Channel channel, double weight, List<String> sources, boolean linked) {
        static Outlet pick(List<Outlet> outlets, Rand rand) {
            double[] w = new double[outlets.size()];
            for (int i = 0; i < w.length; i++) w[i] = outlets.get(i).weight();
            return outlets.get(rand.weighted(w));
        }
    }

    /** Taxonomy id, also written as metadata.domain. */
    final String id;
    final double customerShare;
    final int baseAnnualValueCny;
    /** Share of the everyday (non-planted) feedback. */
    final double backgroundShare;
    /** Everyday feedback about an order comes up to this many days after the customer had it. */
    final int feedbackLagDays;
    final List<Outlet> outlets;

    Domain(String id, double customerShare, int baseAnnualValueCny, double backgroundShare, int feedbackLagDays,
           List<Outlet> outlets) {
        this.id = id;
        this.customerShare = customerShare;
        this.baseAnnualValueCny = baseAnnualValueCny;
        this.backgroundShare = backgroundShare;
        this.feedbackLagDays = feedbackLagDays;
        this.outlets = outlets;
    }

    /** The outlet of the given channel, or null when the domain has none. */
    Outlet outlet(Channel channel) {
        for (Outlet o : outlets) if (o.channel() == channel) return o;
        return null;
    }

    PhraseBank phrases() {
        return switch (this) {
            case ECOMMERCE -> EcommercePhrases.BANK;
            case PHONE -> PhonePhrases.BANK;
            case AUTO -> AutoPhrases.BANK;
            case RESTAURANT -> RestaurantPhrases.BANK;
        };
    }

    static double[] weights(ToDoubleFunction<Domain> f) {
        Domain[] all = values();
        double[] w = new double[all.length];
        for (int i = 0; i < all.length; i++) w[i] = f.applyAsDouble(all[i]);
        return w;
    }
}
