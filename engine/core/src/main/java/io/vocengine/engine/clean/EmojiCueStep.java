package io.vocengine.engine.clean;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import io.vocengine.engine.model.Cue;
import io.vocengine.engine.model.OffsetMap;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.resources.TsvResource;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads emoji, kaomoji and platform emoticon codes as named cues (😡 → anger, QAQ → sadness, [泪] → sadness) from the
 * editable {@code emoji-cues.tsv}. A run of the same token is one cue whose strength is the run length (😡😡😡 → 3).
 * Emoji stay in the cleaned text (they end clauses); kaomoji and codes marked "drop" are removed from it, because
 * their characters would otherwise be read as words ([泪] as 泪). Runs after NFKC and case folding.
 */
public final class EmojiCueStep implements CleaningStep {
    private static final char VARIATION_SELECTOR = '\uFE0F';

    /** One table row: cue kind and name, and whether the token leaves the cleaned text. */
    private record Entry(String kind, String name, boolean drop) {
    }

    @Override
    public String name() {
        return "emoji";
    }

    @Override
    public Rewrite apply(String text) {
        List<int[]> hits = new ArrayList<>();
        Table.INSTANCE.parseText(text, (begin, end, entry) -> hits.add(new int[]{begin, end}));
        if (hits.isEmpty()) return null;
        List<Cue> cues = new ArrayList<>();
        OffsetMap.Builder b = new OffsetMap.Builder(text.length());
        int pos = 0;
        for (int[] h : ReplacementTable.leftmostLongest(hits)) {
            Entry e = Table.INSTANCE.get(text.substring(h[0], h[1]));
            b.copy(text, pos, h[0]);
            if (!e.drop()) b.copy(text, h[0], h[1]);
            pos = h[1];
            Cue last = cues.isEmpty() ? null : cues.get(cues.size() - 1);
            if (last != null && last.name().equals(e.name()) && last.kind().equals(e.kind()) && last.raw().end() == h[0]) {
                cues.set(cues.size() - 1, new Cue(e.kind(), e.name(), new Span(last.raw().start(), h[1]), last.strength() + 1));
            } else {
                cues.add(new Cue(e.kind(), e.name(), new Span(h[0], h[1]), 1));
            }
        }
        b.copy(text, pos, text.length());
        return new Rewrite(b.text(), b.map(), List.of(), cues, List.of());
    }

    private static final class Table {
        static final AhoCorasickDoubleArrayTrie<Entry> INSTANCE = build();
    }

    private static AhoCorasickDoubleArrayTrie<Entry> build() {
        TreeMap<String, Entry> map = new TreeMap<>();
        for (String[] row : TsvResource.read(EmojiCueStep.class, "emoji-cues.tsv", 4)) {
            if (!row[3].equals("keep") && !row[3].equals("drop")) {
                throw new IllegalStateException("emoji-cues.tsv: action of '" + row[0] + "' must be keep or drop");
            }
            String token = CaseFoldStep.fold(Normalizer.normalize(row[0], Normalizer.Form.NFKC)); // as the text will be
            Entry e = new Entry(row[1], row[2], row[3].equals("drop"));
            map.put(token, e);
            if (token.codePointCount(0, token.length()) == 1) map.put(token + VARIATION_SELECTOR, e);
        }
        AhoCorasickDoubleArrayTrie<Entry> trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(map);
        return trie;
    }
}
