package io.vocengine.engine.tag;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import io.vocengine.engine.clean.CaseFoldStep;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A taxonomy compiled for matching: one Aho-Corasick automaton over every term, aspect, opinion and exclusion of
 * every node, so one pass over the text finds all of them, plus the nodes' regular expressions.
 * Built once per taxonomy version; immutable and safe to share (the automaton is only read while matching).
 */
final class CompiledTaxonomy {
    private final Taxonomy taxonomy;
    private final AhoCorasickDoubleArrayTrie<RuleTerm[]> automaton = new AhoCorasickDoubleArrayTrie<>();
    /** Regex rules by a character their match can start with, and those that may start anywhere. */
    private final Map<Character, List<RegexRule>> regexesByFirst = new HashMap<>();
    private final List<RegexRule> regexesAnywhere = new ArrayList<>();

    CompiledTaxonomy(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        TreeMap<String, List<RuleTerm>> byText = new TreeMap<>();
        for (TaxonomyNode n : taxonomy.nodes().values()) {
            add(byText, n, RuleTerm.Role.TERM, n.rules().terms());
            add(byText, n, RuleTerm.Role.ASPECT, n.rules().aspects());
            add(byText, n, RuleTerm.Role.OPINION, n.rules().opinions());
            add(byText, n, RuleTerm.Role.EXCLUDE, n.rules().exclude());
            for (int i = 0; i < n.rules().regex().size(); i++) {
                RegexRule rule = new RegexRule(n, i, n.rules().regex().get(i));
                if (rule.firstChars() == null) regexesAnywhere.add(rule);
                else for (char c : rule.firstChars()) regexesByFirst.computeIfAbsent(c, k -> new ArrayList<>()).add(rule);
            }
        }
        TreeMap<String, RuleTerm[]> entries = new TreeMap<>();
        byText.forEach((k, v) -> entries.put(k, v.toArray(RuleTerm[]::new)));
        if (!entries.isEmpty()) automaton.build(entries);
    }

    private static void add(Map<String, List<RuleTerm>> byText, TaxonomyNode n, RuleTerm.Role role, List<String> words) {
        for (String w : words) {
            String folded = CaseFoldStep.fold(w); // texts are folded by cleaning; rule words must match them
            byText.computeIfAbsent(folded, k -> new ArrayList<>()).add(new RuleTerm(n, role, folded));
        }
    }

    Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The regex rules worth trying at a word starting with {@code c}, in taxonomy order. */
    List<RegexRule> regexesAt(char c) {
        List<RegexRule> some = regexesByFirst.getOrDefault(c, List.of());
        if (regexesAnywhere.isEmpty()) return some;
        List<RegexRule> all = new ArrayList<>(some);
        all.addAll(regexesAnywhere);
        return all;
    }

    /** Every rule string of the taxonomy, for the segmenter's domain dictionary. */
    static List<String> words(Taxonomy t) {
        List<String> words = new ArrayList<>();
        for (TaxonomyNode n : t.nodes().values()) {
            words.addAll(n.rules().terms());
            words.addAll(n.rules().aspects());
            words.addAll(n.rules().opinions());
            words.addAll(n.rules().exclude());
        }
        return words.stream().map(CaseFoldStep::fold).toList();
    }

    /** All rule strings in {@code text} that start and end on word boundaries. */
    List<TermHit> find(String text, WordBoundaries words) {
        List<TermHit> hits = new ArrayList<>();
        if (automaton.size() == 0) return hits;
        automaton.parseText(text, (begin, end, terms) -> {
            if (!words.isStart(begin) || !words.isEnd(end)) return;
            for (RuleTerm t : terms) hits.add(new TermHit(t, begin, end));
        });
        return hits;
    }
}
