package io.vocengine.engine.demo;

import java.time.LocalDate;

/**
 * Every planted effect's size, in one place. The generator draws from these constants and effects.json is written
 * from them, so analytics tests can read the target sizes from the file instead of repeating the numbers.
 * All rates are per unit stated in the comment; every draw is independent of everything else unless stated.
 */
public final class PlantedEffects {
    // Effect 1 — damaged parcels cut reorders. Unit: e-commerce order; outcome: the same customer orders again within
    // the window after delivery. P(reorder | damaged) = multiplier × P(reorder | intact).
    public static final double DAMAGE_RATE = 0.08;
    public static final double REORDER_BASELINE = 0.55;
    public static final double REORDER_DAMAGED_MULTIPLIER = 0.70;
    public static final int REORDER_WINDOW_DAYS = 90;
    /** A customer who does not reorder in the window may still come back later, outside it. */
    public static final double LATE_RETURN_RATE = 0.30;
    public static final int LATE_RETURN_MAX_DAYS = 240;

    // Effect 2 — late deliveries draw slow-delivery complaints. Unit: delivery; late means wait_days > threshold.
    public static final int LATE_THRESHOLD_DAYS = 3;
    public static final double SLOW_COMPLAINT_RATE_ON_TIME = 0.06;
    public static final double SLOW_COMPLAINT_LATE_MULTIPLIER = 3.0;

    // Effect 3 — damaged parcels draw packaging-damage complaints. Unit: delivery.
    public static final double PACKAGING_COMPLAINT_RATE_DAMAGED = 0.60;
    public static final double PACKAGING_COMPLAINT_RATE_INTACT = 0.01;

    // Effect 4 — slow repairs lower the following NPS answer. Unit: post-repair NPS response; slow means
    // duration_days > threshold. Scores are Binomial(10, mean/10), so the means are exact.
    public static final int SLOW_REPAIR_THRESHOLD_DAYS = 7;
    public static final double NPS_MEAN_FAST_REPAIR = 8.2;
    public static final double NPS_MEAN_SLOW_REPAIR = 5.2;
    /** Post-repair surveys are answered this many days after the repair closed, at most. */
    public static final int NPS_MAX_DAYS_AFTER_REPAIR = 7;

    // Effect 5 — value at stake: tiers with very different annual value (see Tier). A customer's annual value is
    // the domain's base value × the tier multiplier × a uniform factor in [0.6, 1.4] (mean 1).
    public static final double VALUE_JITTER_MIN = 0.6;
    public static final double VALUE_JITTER_MAX = 1.4;

    // Effect 6 — a firmware update makes phone crash talk spike. Unit: phone feedback item (not survey); share that
    // talks about crashes (quality.system.crash) inside the window vs outside it.
    public static final int CRASH_SPIKE_STARTS_DAYS_BEFORE_END = 110;
    public static final int CRASH_SPIKE_LENGTH_DAYS = 28;
    public static final double CRASH_SHARE_BASELINE = 0.05;
    public static final double CRASH_SPIKE_MULTIPLIER = 4.0;

    /** Customer tiers (effect 5): label, share of customers, annual-value multiplier over the domain base. */
    public enum Tier {
        A("高价值", 0.05, 10.0), B("中价值", 0.20, 3.0), C("普通", 0.75, 1.0);

        public final String label;
        public final double share;
        public final double valueMultiplier;

        Tier(String label, double share, double valueMultiplier) {
            this.label = label;
            this.share = share;
            this.valueMultiplier = valueMultiplier;
        }
    }

    private PlantedEffects() {
    }

    static double reorderRate(boolean damaged) {
        return damaged ? REORDER_BASELINE * REORDER_DAMAGED_MULTIPLIER : REORDER_BASELINE;
    }

    static boolean late(int waitDays) {
        return waitDays > LATE_THRESHOLD_DAYS;
    }

    static double slowComplaintRate(int waitDays) {
        return late(waitDays) ? SLOW_COMPLAINT_RATE_ON_TIME * SLOW_COMPLAINT_LATE_MULTIPLIER : SLOW_COMPLAINT_RATE_ON_TIME;
    }

    static double packagingComplaintRate(boolean damaged) {
        return damaged ? PACKAGING_COMPLAINT_RATE_DAMAGED : PACKAGING_COMPLAINT_RATE_INTACT;
    }

    static boolean slowRepair(int durationDays) {
        return durationDays > SLOW_REPAIR_THRESHOLD_DAYS;
    }

    static double npsMean(int repairDays) {
        return slowRepair(repairDays) ? NPS_MEAN_SLOW_REPAIR : NPS_MEAN_FAST_REPAIR;
    }

    static LocalDate crashSpikeStart(DemoConfig config) {
        return config.end().minusDays(CRASH_SPIKE_STARTS_DAYS_BEFORE_END);
    }

    /** Last day of the spike, inclusive. */
    static LocalDate crashSpikeEnd(DemoConfig config) {
        return crashSpikeStart(config).plusDays(CRASH_SPIKE_LENGTH_DAYS - 1L);
    }

    static boolean inCrashSpike(LocalDate day, DemoConfig config) {
        return !day.isBefore(crashSpikeStart(config)) && !day.isAfter(crashSpikeEnd(config));
    }

    static double crashShare(LocalDate day, DemoConfig config) {
        return inCrashSpike(day, config) ? CRASH_SHARE_BASELINE * CRASH_SPIKE_MULTIPLIER : CRASH_SHARE_BASELINE;
    }
}
