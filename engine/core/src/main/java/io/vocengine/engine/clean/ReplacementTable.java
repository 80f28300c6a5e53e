package io.vocengine.engine.clean;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import io.vocengine.engine.model.Cue;
import io.vocengine.engine.model.OffsetMap;
import io.vocengine.engine.model.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rewrites every occurrence of a table's keys, leftmost-longest, in one Aho-Corasick pass, with an exact offset map:
 * a same-length replacement maps character by character (包裝 → 包装: 装 points at 裝), any other maps as a whole to the
 * source span it replaces. With a cue kind, each replacement is also reported as a {@link Cue} named after the
 * replacement (木有 → cue slang "没有"). Immutable and thread-safe once built.
 */
final class ReplacementTable {
    private final AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();
    private final int size;
    private final String cueKind;

    /** @param cueKind kind of the cue reported per replacement, or null for none */
    ReplacementTable(Map<String, String> entries, String cueKind) {
        this.cueKind = cueKind;
        TreeMap<String, String> sorted = new TreeMap<>();
        entries.forEach((k, v) -> {
            if (!k.isEmpty() && !k.equals(v)) sorted.put(k, v);
        });
        this.size = sorted.size();
        if (size > 0) trie.build(sorted);
    }

    /** The matches a left-to-right reader takes: at each position the longest, skipping those it overlaps. */
    static List<int[]> leftmostLongest(List<int[]> hits) {
        hits.sort((a, c) -> a[0] != c[0] ? Integer.compare(a[0], c[0]) : Integer.compare(c[1], a[1]));
        List<int[]> out = new ArrayList<>();
        int pos = 0;
        for (int[] h : hits) {
            if (h[0] < pos) continue;
            out.add(h);
            pos = h[1];
        }
        return out;
    }

    /** @return the rewritten text and its map, or null when no key occurs */
    Rewrite rewrite(String text) {
        if (size == 0) return null;
        List<int[]> hits = new ArrayList<>();
        trie.parseText(text, (begin, end, value) -> hits.add(new int[]{begin, end}));
        if (hits.isEmpty()) return null;
        OffsetMap.Builder b = new OffsetMap.Builder(text.length());
        List<Cue> cues = new ArrayList<>();
        int pos = 0;
        for (int[] h : leftmostLongest(hits)) {
            b.copy(text, pos, h[0]);
            String replacement = trie.get(text.substring(h[0], h[1]));
            if (replacement.length() == h[1] - h[0]) {
                for (int i = 0; i < replacement.length(); i++) b.append(replacement.substring(i, i + 1), h[0] + i, h[0] + i + 1);
            } else {
                b.append(replacement, h[0], h[1]);
            }
            if (cueKind != null) cues.add(new Cue(cueKind, replacement, new Span(h[0], h[1]), 1));
            pos = h[1];
        }
        b.copy(text, pos, text.length());
        return new Rewrite(b.text(), b.map(), List.of(), cues, List.of());
    }
}
