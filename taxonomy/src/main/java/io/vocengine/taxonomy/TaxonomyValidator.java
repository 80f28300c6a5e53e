package io.vocengine.taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Structural checks on a node list; each problem names the line and the node. */
final class TaxonomyValidator {
    private TaxonomyValidator() {
    }

    static List<String> validate(List<TaxonomyNode> nodes) {
        List<String> problems = new ArrayList<>();
        Map<String, TaxonomyNode> byId = new HashMap<>();
        Set<String> parents = new HashSet<>();
        for (TaxonomyNode n : nodes) {
            TaxonomyNode first = byId.putIfAbsent(n.id(), n);
            if (first != null) problems.add(at(n) + ": duplicate id (first defined at line " + first.line() + ")");
            if (n.parentId() != null) parents.add(n.parentId());
            if (n.name() == null || n.name().isBlank()) problems.add(at(n) + ": missing name");
        }
        for (TaxonomyNode n : nodes) {
            if (n.parentId() != null && !byId.containsKey(n.parentId())) {
                problems.add(at(n) + ": unknown parent '" + n.parentId() + "'");
            }
            if (!parents.contains(n.id()) && n.rules().isEmpty()) {
                problems.add(at(n) + ": empty leaf node: it has no terms, aspects or regex, so it can never be tagged");
            }
            if (!n.rules().opinions().isEmpty() && n.rules().aspects().isEmpty()) {
                problems.add(at(n) + ": opinions need aspects to pair with");
            }
            String opposite = n.rules().opposite();
            if (opposite != null) {
                TaxonomyNode o = byId.get(opposite);
                if (o == null) problems.add(at(n) + ": unknown opposite '" + opposite + "'");
                else if (n.polarity() == null || o.polarity() == null || n.polarity() == o.polarity()
                        || n.polarity() == Polarity.NEUTRAL || o.polarity() == Polarity.NEUTRAL) {
                    problems.add(at(n) + ": opposite '" + opposite + "' needs both nodes to fix opposite polarities"
                            + " (positive and negative)");
                }
            }
            for (String r : n.rules().regex()) {
                try {
                    Pattern.compile(r);
                } catch (PatternSyntaxException e) {
                    problems.add(at(n) + ": bad regex '" + r + "': " + e.getDescription());
                }
            }
        }
        problems.addAll(cycles(nodes, byId));
        problems.addAll(contestedTerms(nodes));
        return problems;
    }

    private static List<String> cycles(List<TaxonomyNode> nodes, Map<String, TaxonomyNode> byId) {
        List<String> problems = new ArrayList<>();
        for (TaxonomyNode n : nodes) {
            Set<String> seen = new HashSet<>();
            for (TaxonomyNode cur = n; cur != null && cur.parentId() != null; cur = byId.get(cur.parentId())) {
                if (!seen.add(cur.id())) {
                    problems.add(at(n) + ": parent chain loops back through '" + cur.id() + "'");
                    break;
                }
            }
        }
        return problems;
    }

    /** A stand-alone term claimed by two nodes of equal priority would tag arbitrarily: make the author choose. */
    private static List<String> contestedTerms(List<TaxonomyNode> nodes) {
        List<String> problems = new ArrayList<>();
        Map<String, TaxonomyNode> owner = new HashMap<>();
        for (TaxonomyNode n : nodes) {
            for (String term : n.rules().terms()) {
                TaxonomyNode other = owner.putIfAbsent(term, n);
                if (other != null && other != n && other.rules().priority() == n.rules().priority()) {
                    problems.add(at(n) + ": term '" + term + "' is also claimed by '" + other.localId() + "' (line "
                            + other.line() + ") with the same priority " + n.rules().priority() + "; give one a higher priority");
                }
            }
        }
        return problems;
    }

    private static String at(TaxonomyNode n) {
        return "line " + n.line() + " node '" + n.localId() + "'";
    }
}
