package io.vocengine.engine.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What to generate. The window is fixed by default (12 months ending 2025-12-31) so output never depends on today.
 *
 * @param seed          all randomness derives from it; same config, byte-identical files
 * @param feedbackCount exact number of lines in feedback.jsonl
 * @param customers     size of the customer base; {@link #customersFor(int)} scales it with feedbackCount so that
 *                      planted effects keep the same sample sizes relative to the feedback
 * @param start         first day of the window (inclusive)
 * @param end           last day of the window (inclusive)
 */
public record DemoConfig(long seed, int feedbackCount, int customers, LocalDate start, LocalDate end) {
    public static final long DEFAULT_SEED = 20240501L;
    public static final int DEFAULT_FEEDBACK_COUNT = 60_000;
    public static final LocalDate DEFAULT_END = LocalDate.of(2025, 12, 31);
    /** Room for the 90-day reorder window, the NPS and delivery lags, and the crash spike. */
    public static final int MIN_WINDOW_DAYS = 180;

    public DemoConfig {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (feedbackCount < 1_000) {
            throw new IllegalArgumentException("feedbackCount must be at least 1000, got " + feedbackCount);
        }
        if (customers < 200 || customers > feedbackCount) {
            throw new IllegalArgumentException("customers must be between 200 and feedbackCount, got " + customers);
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 < MIN_WINDOW_DAYS) {
            throw new IllegalArgumentException("the window " + start + ".." + end + " is shorter than "
                    + MIN_WINDOW_DAYS + " days");
        }
    }

    public static DemoConfig defaults() {
        return of(DEFAULT_SEED, DEFAULT_FEEDBACK_COUNT);
    }

    /** The default 12-month window with customers scaled to the feedback count. */
    public static DemoConfig of(long seed, int feedbackCount) {
        LocalDate start = DEFAULT_END.minusMonths(12).plusDays(1);
        return new DemoConfig(seed, feedbackCount, customersFor(feedbackCount), start, DEFAULT_END);
    }

    /** One customer per two feedback items: enough orders and repairs for every planted effect to be measurable. */
    public static int customersFor(int feedbackCount) {
        return Math.max(200, feedbackCount / 2);
    }

    public DemoConfig withSeed(long newSeed) {
        return new DemoConfig(newSeed, feedbackCount, customers, start, end);
    }

    public DemoConfig withWindow(LocalDate newStart, LocalDate newEnd) {
        return new DemoConfig(seed, feedbackCount, customers, newStart, newEnd);
    }
}
