package io.vocengine.engine.dedup;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures over character bigrams: the fraction of equal positions in two signatures estimates the Jaccard
 * similarity of the texts' bigram sets. One 64-bit hash per bigram, then {@value #SIZE} cheap universal hashes of it,
 * so a 30-character review costs a few microseconds. Immutable and thread-safe.
 */
final class MinHash {
    static final int SIZE = 64;
    private final long[] a = new long[SIZE];
    private final long[] b = new long[SIZE];

    MinHash(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < SIZE; i++) {
            a[i] = random.nextLong() | 1; // odd multipliers are invertible modulo 2^64, so no two bigrams collide
            b[i] = random.nextLong();
        }
    }

    int[] signature(String text) {
        int[] sig = new int[SIZE];
        Arrays.fill(sig, Integer.MAX_VALUE);
        for (int i = 0; i + 1 < text.length(); i++) {
            long x = mix(((long) text.charAt(i) << 16) ^ text.charAt(i + 1));
            for (int k = 0; k < SIZE; k++) {
                int h = (int) ((a[k] * x + b[k]) >>> 33);
                if (h < sig[k]) sig[k] = h;
            }
        }
        return sig;
    }

    static double similarity(int[] s, int[] t) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) if (s[i] == t[i]) same++;
        return same / (double) SIZE;
    }

    /** SplitMix64 finaliser: spreads the bigram's bits before the linear hashes. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
