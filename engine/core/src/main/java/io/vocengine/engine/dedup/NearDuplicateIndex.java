package io.vocengine.engine.dedup;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Duplicate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the items of a run into near-duplicate clusters, in input order, so cluster ids are the same on every run:
 * <ul>
 *   <li>texts are compared by their letters, digits and ideographs only (punctuation, emoji and spaces do not make a
 *       text new);</li>
 *   <li>identical such texts share a cluster at any length (好 and 好！ are copies); texts with none ([心], 👍)
 *       are compared by their raw text without white space, so identical reactions cluster too;</li>
 *   <li>from {@value #MIN_FUZZY_CHARS} characters on, MinHash-LSH (16 bands of 4 rows) finds candidates, and a
 *       candidate whose estimated bigram Jaccard similarity reaches the threshold joins its cluster (one or two
 *       characters changed in a review).</li>
 * </ul>
 * Not thread-safe by design: a run feeds it from its single, ordered consumer thread. Memory grows with the run
 * (one 256-byte signature per distinct text of {@value #MIN_FUZZY_CHARS}+ characters).
 */
public final class NearDuplicateIndex {
    static final int MIN_FUZZY_CHARS = 10;
    private static final int BANDS = 16;
    private static final int ROWS = MinHash.SIZE / BANDS;

    private final MinHash minHash = new MinHash(20240611L);
    private final double threshold;
    private final Map<String, String> exact = new HashMap<>();
    private final Map<Long, List<Member>> buckets = new HashMap<>();

    private record Member(String clusterId, int[] signature) {
    }

    /** @param threshold estimated Jaccard similarity at which a text joins a cluster, e.g. 0.7 */
    public NearDuplicateIndex(double threshold) {
        if (threshold <= 0 || threshold > 1) throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        this.threshold = threshold;
    }

    /** Places the item in a cluster, creating one when it resembles nothing seen before. */
    public Duplicate observe(String itemId, String raw, CleanText clean) {
        String key = letters(clean.text());
        if (key.isEmpty()) {
            String symbols = raw.replaceAll("\\s+", "");
            if (symbols.isEmpty()) return new Duplicate(itemId, 1.0); // nothing to compare: its own cluster
            key = "\u0000" + symbols; // apart from every letter key
        }
        String same = exact.get(key);
        if (same != null) return new Duplicate(same, 1.0);
        if (key.length() < MIN_FUZZY_CHARS) {
            exact.put(key, itemId);
            return new Duplicate(itemId, 1.0);
        }
        int[] sig = minHash.signature(key);
        Member best = null;
        double bestSimilarity = 0;
        for (int band = 0; band < BANDS; band++) {
            for (Member m : buckets.getOrDefault(bandKey(sig, band), List.of())) {
                double s = MinHash.similarity(sig, m.signature());
                if (s > bestSimilarity) {
                    best = m;
                    bestSimilarity = s;
                }
            }
        }
        boolean joins = best != null && bestSimilarity >= threshold;
        String cluster = joins ? best.clusterId() : itemId;
        exact.put(key, cluster);
        Member self = new Member(cluster, sig);
        for (int band = 0; band < BANDS; band++) buckets.computeIfAbsent(bandKey(sig, band), k -> new ArrayList<>(1)).add(self);
        return new Duplicate(cluster, joins ? bestSimilarity : 1.0);
    }

    private static long bandKey(int[] sig, int band) {
        long h = band;
        for (int r = 0; r < ROWS; r++) h = h * 0x9E3779B97F4A7C15L + sig[band * ROWS + r];
        return h;
    }

    private static String letters(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) sb.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
