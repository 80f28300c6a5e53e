package io.vocengine.engine.clean;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Flag;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.resources.TsvResource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags advertising posted as feedback: contact solicitation (加微信 with an id, 私聊), promotion (招代理, 日赚, 淘口令)
 * and links. The rules live in {@code spam-rules.tsv} (format and scoring in its header), loaded once per JVM.
 * A rule's literal keywords are its pre-filter: one pass over the text finds the keywords, and only rules whose
 * keyword occurs run their regex. Complaint words (说好的返现没给) weigh against the score, so a customer who
 * mentions 刷单 or 返现 is not taken for the advertiser. Immutable and thread-safe.
 */
public final class SpamAdCheck implements TextCheck {
    /** A text is flagged when the weights of the distinct rules that hit sum to at least this. */
    static final int THRESHOLD = 3;
    private static final Map<String, String> KIND_NAMES =
            Map.of("contact", "contact solicitation", "promotion", "promotion", "call", "call to action", "link", "link",
                    "context", "context");

    /** One line of the rule file; identity matters (two lines may read alike), so a class, not a record. */
    private static final class Rule {
        final String kind;
        final int weight;
        final Pattern regex;

        Rule(String kind, int weight, Pattern regex) {
            this.kind = kind;
            this.weight = weight;
            this.regex = regex;
        }

        boolean counts() {
            return weight > 0;
        }

        /** More than commercial vocabulary: a shopper's review mentions 促销 and 满减 too, an ad addresses the reader. */
        boolean directed() {
            return counts() && (!kind.equals("promotion") || weight >= 2);
        }
    }

    private record Keyword(String text, Rule rule) {
    }

    private record Hit(Rule rule, int start, int end) {
    }

    /** The distinct first characters of all keywords, sorted, and for each the keywords starting with it. */
    private final boolean[] isFirstChar = new boolean[Character.MAX_VALUE + 1];
    private final char[] firstChars;
    private final Keyword[][] keywordsByFirstChar;

    public SpamAdCheck() {
        Map<Character, List<Keyword>> byFirst = new TreeMap<>();
        for (String[] row : TsvResource.read(SpamAdCheck.class, "spam-rules.tsv", 3, 4)) {
            String kind = row[0];
            if (!KIND_NAMES.containsKey(kind)) throw new IllegalStateException("spam-rules.tsv: unknown kind " + kind);
            Rule rule = new Rule(kind, Integer.parseInt(row[1].trim()), row.length == 4 ? Pattern.compile(row[3]) : null);
            for (String keyword : row[2].split("\\|")) {
                String k = CaseFoldStep.fold(keyword);
                byFirst.computeIfAbsent(k.charAt(0), c -> new ArrayList<>()).add(new Keyword(k, rule));
            }
        }
        firstChars = new char[byFirst.size()];
        keywordsByFirstChar = new Keyword[byFirst.size()][];
        int i = 0;
        for (Map.Entry<Character, List<Keyword>> e : byFirst.entrySet()) {
            firstChars[i] = e.getKey();
            isFirstChar[e.getKey()] = true;
            keywordsByFirstChar[i++] = e.getValue().toArray(Keyword[]::new);
        }
    }

    @Override
    public String name() {
        return "spam-ad";
    }

    @Override
    public List<Flag> check(String raw, CleanText clean) {
        Map<Rule, Hit> hits = hits(clean.text());
        int score = 0;
        int link = 0; // one URL hits several link rules, so only the strongest counts
        boolean directed = false;
        for (Hit h : hits.values()) {
            if (h.rule.kind.equals("link")) link = Math.max(link, h.rule.weight);
            else score += h.rule.weight;
            directed |= h.rule.directed();
        }
        score += link;
        if (!directed || score < THRESHOLD) return List.of();
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        List<Span> evidence = new ArrayList<>();
        hits.values().stream().filter(h -> h.rule.counts()).sorted(Comparator.comparingInt(Hit::start))
                .forEach(h -> {
                    byKind.computeIfAbsent(KIND_NAMES.get(h.rule.kind), k -> new ArrayList<>())
                            .add(clean.text().substring(h.start, h.end));
                    evidence.add(clean.toRaw(h.start, h.end));
                });
        return List.of(new Flag(Flag.SPAM_AD, "spam/ad score " + score + " (flagged at " + THRESHOLD + "): " + byKind,
                merge(evidence)));
    }

    /** The first hit of every rule that hits, in the order the rules were first hit. */
    private Map<Rule, Hit> hits(String text) {
        Map<Rule, Hit> hits = new LinkedHashMap<>();
        for (int i = 0; i < text.length(); i++) {
            if (!isFirstChar[text.charAt(i)]) continue;
            int first = Arrays.binarySearch(firstChars, text.charAt(i));
            for (Keyword k : keywordsByFirstChar[first]) {
                Rule rule = k.rule;
                if (hits.containsKey(rule) || !text.startsWith(k.text, i)) continue;
                if (rule.regex == null) {
                    hits.put(rule, new Hit(rule, i, i + k.text.length()));
                } else {
                    Matcher m = rule.regex.matcher(text);
                    hits.put(rule, m.find() ? new Hit(rule, m.start(), m.end()) : null); // null: tried, no match
                }
            }
        }
        hits.values().removeIf(h -> h == null);
        return hits;
    }

    /** Sorted spans with overlapping ones joined (加微信 and 加微信abc123 are one piece of evidence). */
    private static List<Span> merge(List<Span> sorted) {
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            Span last = out.isEmpty() ? null : out.getLast();
            if (last != null && s.start() <= last.end()) {
                out.set(out.size() - 1, new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
