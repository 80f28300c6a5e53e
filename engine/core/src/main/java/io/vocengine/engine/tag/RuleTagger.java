package io.vocengine.engine.tag;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.model.Tagging;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Key;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.pipeline.Stage;
import io.vocengine.engine.segment.Segmenter;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Tags items with taxonomy nodes by their rules:
 * <ul>
 *   <li>a node's {@code terms} tag it on their own;</li>
 *   <li>an {@code opinion} tags it when one of the node's {@code aspects} stands in the same clause;</li>
 *   <li>a node with aspects but no opinions is tagged by the aspect, its polarity read from the clause's opinion
 *       words;</li>
 *   <li>{@code exclude} words in the clause veto, and a negated problem (没有闪退) is no tag at all.</li>
 * </ul>
 * Items whose {@code metadata.domain} names a loaded taxonomy are tagged with that taxonomy only; others with all.
 * Confidences are fixed per rule kind for now (term 0.9, pair 0.85, regex 0.8, aspect 0.7), not yet calibrated.
 * Immutable and thread-safe: the compiled taxonomies are read-only, per-item state stays on the stack.
 */
public final class RuleTagger implements Stage<Tagging> {
    private final Map<String, CompiledTaxonomy> taxonomies = new LinkedHashMap<>();
    private final PolarityLexicon lexicon = PolarityLexicon.shipped();
    private final Segmenter segmenter;
    private final Map<String, Map<String, Double>> calibration;
    private final String name;
    private final Key<Tagging> output;

    /**
     * The domain tagger: fills {@link Keys#RULE_TAGS}.
     *
     * @param segmenter   the pipeline's segmenter, built with {@link #domainWords} so that rule words stay whole
     * @param calibration per taxonomy, the measured precision of each rule kind (term, pair, aspect, regex, negated),
     *                    reported as the confidence of its tags; kinds without a measurement keep the fixed value
     */
    public RuleTagger(List<Taxonomy> taxonomies, Segmenter segmenter, Map<String, Map<String, Double>> calibration) {
        this("tag", Keys.RULE_TAGS, taxonomies, segmenter, calibration);
    }

    /** A tagger under another stage name and slot, for taxonomies applied beside the domain ones (risks). */
    public RuleTagger(String name, Key<Tagging> output, List<Taxonomy> taxonomies, Segmenter segmenter,
                      Map<String, Map<String, Double>> calibration) {
        this.name = name;
        this.output = output;
        this.segmenter = segmenter;
        this.calibration = Map.copyOf(calibration);
        for (Taxonomy t : taxonomies) {
            if (this.taxonomies.put(t.id(), new CompiledTaxonomy(t)) != null) {
                throw new IllegalArgumentException("two taxonomies share the id '" + t.id() + "'");
            }
        }
    }

    /** Words the segmenter must keep whole for the rules to match on word boundaries. */
    public static Set<String> domainWords(List<Taxonomy> taxonomies) {
        Set<String> words = new LinkedHashSet<>(PolarityLexicon.shipped().words());
        for (Taxonomy t : taxonomies) words.addAll(CompiledTaxonomy.words(t));
        return words;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Key<?>> inputs() {
        return Set.of(Keys.CLEAN, Keys.TOKENS, Keys.CLAUSES);
    }

    @Override
    public Key<Tagging> output() {
        return output;
    }

    @Override
    public Tagging process(Analysis item) {
        CleanText clean = item.clean();
        WordBoundaries boundaries = new WordBoundaries(clean.text(), item.tokens(), item.clauses(), segmenter);
        Context words = new Context(boundaries, lexicon.clausePolarities(boundaries),
                item.has(Keys.DEPENDENCIES) ? new Links(item.get(Keys.DEPENDENCIES)) : null);
        List<Tag> tags = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (CompiledTaxonomy c : route(item.feedback())) {
            versions.add(c.taxonomy().version());
            tags.addAll(tag(c, clean, words));
        }
        return new Tagging(tags, versions);
    }

    private List<CompiledTaxonomy> route(Feedback f) {
        CompiledTaxonomy only = taxonomies.get(f.metadata().getOrDefault("domain", ""));
        return only != null ? List.of(only) : List.copyOf(taxonomies.values());
    }

    private List<Tag> tag(CompiledTaxonomy c, CleanText clean, Context words) {
        // Keyed by id: a node record's own hash walks all its rules and examples.
        Map<String, NodeHits> byNode = new LinkedHashMap<>();
        for (TermHit h : c.find(clean.text(), words.boundaries())) {
            byNode.computeIfAbsent(h.term().node().id(), n -> new NodeHits(h.term().node())).add(h);
        }
        List<Mention> mentions = new ArrayList<>();
        byNode.values().forEach(hits -> mentions.addAll(mentionsOf(hits.node, hits, words)));
        mentions.addAll(regexMentions(c, clean.text(), words, byNode));
        List<Mention> kept = withoutImpliedAncestors(c.taxonomy(), resolveConflicts(c.taxonomy(), mentions),
                words.boundaries());
        return merge(c.taxonomy(), kept, clean, calibration.getOrDefault(c.taxonomy().id(), Map.of()));
    }

    private List<Mention> mentionsOf(TaxonomyNode node, NodeHits hits, Context words) {
        List<Mention> out = new ArrayList<>();
        for (TermHit t : hits.terms) {
            add(out, node, List.of(t), "term(" + t.term().text() + ")", 0.9, t, hits, words);
        }
        if (!node.rules().opinions().isEmpty()) {
            for (TermHit o : hits.opinions) {
                TermHit a = words.links() == null ? nearestAspect(o, hits.aspects, words.boundaries())
                        : words.links().governedAspect(o, hits.aspects, words.boundaries());
                if (a == null) continue;
                List<TermHit> ev = a.start() < o.start() ? List.of(a, o) : List.of(o, a);
                add(out, node, ev, "pair(" + a.term().text() + "+" + o.term().text() + ")", 0.85, o, hits, words);
            }
        } else {
            for (TermHit a : hits.aspects) {
                add(out, node, List.of(a), "aspect(" + a.term().text() + ")", 0.7, a, hits, words);
            }
        }
        return out;
    }

    /** Adds a mention unless an exclusion in its clause vetoes it or a negation cancels a fixed-polarity node. */
    private void add(List<Mention> out, TaxonomyNode node, List<TermHit> evidence, String rule, double confidence,
                     TermHit anchor, NodeHits hits, Context context) {
        WordBoundaries words = context.boundaries();
        int clause = words.clauseAt(anchor.start());
        for (TermHit x : hits.excludes) { // an exclusion inside the evidence itself (性价比 in 性价比不高) does not veto
            boolean inside = evidence.stream().anyMatch(e -> e.start() <= x.start() && x.end() <= e.end());
            if (words.clauseAt(x.start()) == clause && !inside) return;
        }
        int after = words.tokenAfter(anchor.end());
        boolean negated = Negation.isNegated(words, words.tokenIndexAt(anchor.start()))
                ^ Negation.isNegatedWithin(words, anchor.start())
                ^ (after > 0 && Negation.isDeniedAfter(words, after))
                ^ words.isRhetorical(clause); // 这还叫流畅？ denies 流畅; 难道不卡吗？ affirms 卡
        Polarity polarity = node.polarity();
        if (polarity != null && negated) { // 没有闪退 is no 闪退 tag; 不流畅 is a 卡顿 one where the node says so
            TaxonomyNode opposite = opposite(node);
            if (opposite != null) {
                out.add(new Mention(opposite, evidence, "negated(" + rule + ")", confidence * 0.9, opposite.polarity()));
            }
            return;
        }
        if (polarity == null) polarity = context.clausePolarity()[clause];
        out.add(new Mention(node, evidence, rule, confidence, polarity));
    }

    private TaxonomyNode opposite(TaxonomyNode node) {
        String id = node.rules().opposite();
        return id == null ? null : taxonomies.get(node.id().substring(0, node.id().indexOf('.'))).taxonomy().node(id);
    }

    private static TermHit nearestAspect(TermHit opinion, List<TermHit> aspects, WordBoundaries words) {
        int clause = words.clauseAt(opinion.start());
        TermHit best = null;
        for (TermHit a : aspects) {
            if (a.overlaps(opinion) || words.clauseAt(a.start()) != clause) continue;
            if (best == null || Math.abs(a.start() - opinion.start()) < Math.abs(best.start() - opinion.start())) best = a;
        }
        return best;
    }

    /** Regex matches starting at word starts; at each, only the rules that can start with its character are tried. */
    private List<Mention> regexMentions(CompiledTaxonomy c, String text, Context words, Map<String, NodeHits> byNode) {
        List<Mention> out = new ArrayList<>();
        WordBoundaries boundaries = words.boundaries();
        Map<RegexRule, Integer> busyUntil = new HashMap<>(); // no overlapping second match of one rule
        for (int at = boundaries.nextStart(0); at >= 0 && at < text.length(); at = boundaries.nextStart(at + 1)) {
            for (RegexRule rule : c.regexesAt(text.charAt(at))) {
                if (busyUntil.getOrDefault(rule, 0) > at) continue;
                Matcher m = rule.matchAt(text, at);
                if (m == null) continue;
                busyUntil.put(rule, m.end());
                TaxonomyNode node = rule.node();
                TermHit hit = new TermHit(new RuleTerm(node, RuleTerm.Role.TERM, m.group()), m.start(), m.end());
                add(out, node, List.of(hit), "regex#" + rule.index(), 0.8, hit,
                        byNode.getOrDefault(node.id(), new NodeHits(node)), words);
            }
        }
        return out;
    }



    /**
     * Where two nodes claim overlapping evidence, the higher priority wins; at equal priority a more specific node
     * beats its ancestor (implied by the path anyway), and a stronger rule beats a weaker one (屏幕碎了 is 碎屏, not
     * also a neutral mention of 显示效果).
     */
    private static List<Mention> resolveConflicts(Taxonomy taxonomy, List<Mention> mentions) {
        List<Mention> kept = new ArrayList<>();
        for (Mention m : mentions) {
            boolean beaten = false;
            for (Mention o : mentions) {
                if (o == m || o.node() == m.node() || !o.overlaps(m)) continue;
                if (beats(taxonomy, o, m)) {
                    beaten = true;
                    break;
                }
            }
            if (!beaten) kept.add(m);
        }
        return kept;
    }

    /**
     * Drops a mention whose node is an ancestor of another mention's node in the same clause: 电瓶就亏电了 is one
     * 电瓶亏电 tag, not that plus a neutral 电瓶 one, as the child implies its ancestors.
     */
    private static List<Mention> withoutImpliedAncestors(Taxonomy taxonomy, List<Mention> mentions, WordBoundaries words) {
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            int clause = words.clauseAt(m.evidence().getFirst().start());
            boolean implied = false;
            for (Mention o : mentions) {
                if (o.node() != m.node() && words.clauseAt(o.evidence().getFirst().start()) == clause
                        && taxonomy.pathIds(o.node().id()).contains(m.node().id())) {
                    implied = true;
                    break;
                }
            }
            if (!implied) out.add(m);
        }
        return out;
    }

    /** Whether mention {@code o} takes overlapping evidence from {@code m}; never true both ways. */
    private static boolean beats(Taxonomy taxonomy, Mention o, Mention m) {
        int po = o.node().rules().priority();
        int pm = m.node().rules().priority();
        if (po != pm) return po > pm;
        if (taxonomy.pathIds(o.node().id()).contains(m.node().id())) return true;  // o is a descendant of m
        if (taxonomy.pathIds(m.node().id()).contains(o.node().id())) return false; // o is an ancestor of m
        return o.confidence() > m.confidence();
    }

    private static List<Tag> merge(Taxonomy taxonomy, List<Mention> mentions, CleanText clean,
                                   Map<String, Double> calibrated) {
        Map<String, List<Mention>> byNode = new LinkedHashMap<>();
        for (Mention m : mentions) byNode.computeIfAbsent(m.node().id(), k -> new ArrayList<>()).add(m);
        List<Tag> tags = new ArrayList<>(byNode.size());
        byNode.forEach((id, ms) -> {
            TaxonomyNode node = ms.getFirst().node();
            Set<Span> evidence = new LinkedHashSet<>();
            Mention strongest = ms.get(0);
            for (Mention m : ms) {
                for (TermHit h : m.evidence()) evidence.add(clean.toRaw(h.start(), h.end()));
                if (m.confidence() > strongest.confidence()) strongest = m;
            }
            double confidence = calibrated.getOrDefault(ruleKind(strongest.rule()), strongest.confidence());
            tags.add(new Tag(node.id(), taxonomy.pathNames(node.id()), dominant(ms), confidence,
                    outermost(evidence), "rule:" + node.id() + "#" + strongest.rule()));
        });
        return tags;
    }

    /** The kind of a rule as written in sources: term(…) → term, regex#0 → regex, negated(…) → negated. */
    public static String ruleKind(String rule) {
        int end = 0;
        while (end < rule.length() && Character.isLetter(rule.charAt(end))) end++;
        return rule.substring(0, end);
    }

    /** Evidence spans in text order, without those inside another (盒子 and 压扁 inside the term 盒子压扁). */
    private static List<Span> outermost(Set<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            boolean inside = false;
            for (Span o : spans) {
                if (!o.equals(s) && o.start() <= s.start() && s.end() <= o.end()) {
                    inside = true;
                    break;
                }
            }
            if (!inside) out.add(s);
        }
        out.sort(Comparator.comparingInt(Span::start));
        return out;
    }

    /** The most frequent polarity among a node's mentions; ties go to the earliest mention. */
    private static Polarity dominant(List<Mention> ms) {
        Map<Polarity, Integer> counts = new LinkedHashMap<>();
        for (Mention m : ms) counts.merge(m.polarity(), 1, Integer::sum);
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Per-item structure shared by every rule: words, clauses, each clause's polarity, and in deep mode the parse. */
    private record Context(WordBoundaries boundaries, Polarity[] clausePolarity, Links links) {
    }

    /** A node's hits sorted by rule role. */
    private static final class NodeHits {
        final TaxonomyNode node;
        final List<TermHit> terms = new ArrayList<>();
        final List<TermHit> aspects = new ArrayList<>();
        final List<TermHit> opinions = new ArrayList<>();
        final List<TermHit> excludes = new ArrayList<>();

        NodeHits(TaxonomyNode node) {
            this.node = node;
        }

        void add(TermHit h) {
            switch (h.term().role()) {
                case TERM -> terms.add(h);
                case ASPECT -> aspects.add(h);
                case OPINION -> opinions.add(h);
                case EXCLUDE -> excludes.add(h);
            }
        }
    }
}
