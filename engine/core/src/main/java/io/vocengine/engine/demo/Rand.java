package io.vocengine.engine.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded randomness with the few helpers the generator needs. Each stage draws from its own named stream, so a change
 * to, say, the phrase banks does not shift the operational records or the planted-effect draws.
 */
final class Rand {
    private final SplittableRandom random;

    private Rand(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * An independent stream for one stage; String.hashCode is specified, so this is stable across JVMs. The seed is
     * scrambled first: SplittableRandom seeds that differ by a multiple of its internal increment give the same
     * sequence shifted by a few draws, which would make neighbouring seeds produce nearly the same dataset.
     */
    static Rand stream(long seed, String name) {
        return new Rand(mix64(mix64(seed) ^ name.hashCode()));
    }

    /** The SplitMix64 finaliser: every input bit affects every output bit. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Raw 64-bit draw, for tests of the streams themselves. */
    long nextLong() {
        return random.nextLong();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Uniform integer in [lo, hi], both inclusive. */
    int between(int lo, int hi) {
        return random.nextInt(lo, hi + 1);
    }

    /** Uniform day in [from, to], both inclusive; {@code from} when the range is empty. */
    LocalDate day(LocalDate from, LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to);
        return span <= 0 ? from : from.plusDays(random.nextLong(span + 1));
    }

    double unit() {
        return random.nextDouble();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Index drawn with probability proportional to {@code weights[i]}. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.length - 1;
    }

    /** Number of successes in n trials of probability p; exact mean n·p, which is how planted NPS means are set. */
    int binomial(int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) if (random.nextDouble() < p) k++;
        return k;
    }
}
