package io.vocengine.engine.clean;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import io.vocengine.engine.model.OffsetMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rewrites every occurrence of a table's keys, leftmost-longest, in one Aho-Corasick pass, with an exact offset map:
 * a same-length replacement maps character by character (包裝 → 包装: 装 points at 裝), any other maps as a whole to the
 * source span it replaces. Immutable and thread-safe once built.
 */
final class ReplacementTable {
    private final AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();
    private final int size;

    ReplacementTable(Map<String, String> entries) {
        TreeMap<String, String> sorted = new TreeMap<>();
        entries.forEach((k, v) -> {
            if (!k.isEmpty() && !k.equals(v)) sorted.put(k, v);
        });
        this.size = sorted.size();
        if (size > 0) trie.build(sorted);
    }

    int size() {
        return size;
    }

    /** @return the rewritten text and its map, or null when no key occurs */
    Rewrite rewrite(String text) {
        if (size == 0) return null;
        List<int[]> hits = new ArrayList<>();
        trie.parseText(text, (begin, end, value) -> hits.add(new int[]{begin, end}));
        if (hits.isEmpty()) return null;
        hits.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        OffsetMap.Builder b = new OffsetMap.Builder(text.length());
        int pos = 0;
        for (int[] h : hits) {
            if (h[0] < pos) continue; // overlaps a longer match already taken
            b.copy(text, pos, h[0]);
            String replacement = trie.get(text.substring(h[0], h[1]));
            if (replacement.length() == h[1] - h[0]) {
                for (int i = 0; i < replacement.length(); i++) b.append(replacement.substring(i, i + 1), h[0] + i, h[0] + i + 1);
            } else {
                b.append(replacement, h[0], h[1]);
            }
            pos = h[1];
        }
        b.copy(text, pos, text.length());
        return Rewrite.of(b, List.of());
    }
}
