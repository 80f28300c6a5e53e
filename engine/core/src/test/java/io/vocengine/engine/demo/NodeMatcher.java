package io.vocengine.engine.demo;

import io.vocengine.taxonomy.NodeRules;
import io.vocengine.taxonomy.TaxonomyLoader;
import io.vocengine.taxonomy.TaxonomyNode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A deliberately plain stand-in for the tagger, used to check that the text carries the planted signal: a clause
 * mentions a node when it contains one of its terms, or one of its aspects together with one of its opinions, with
 * no negator just before the matched word and no exclude phrase in the clause. Reads the shipped taxonomy, so the
 * tests follow the YAML rather than repeating its words.
 */
final class NodeMatcher {
    private static final Pattern CLAUSES = Pattern.compile("[，,。.！!？?；;~～、…\\s]+");
    private static final List<String> NEGATORS = List.of("不", "没", "沒", "无", "無", "木有");
    private static final int NEGATION_WINDOW = 4;

    private final NodeRules rules;
    final String nodeId;

    private NodeMatcher(TaxonomyNode node) {
        this.rules = node.rules();
        this.nodeId = node.id();
    }

    /** @param nodeId global id, e.g. ecommerce.logistics.speed.slow */
    static NodeMatcher of(String nodeId) {
        String taxonomy = nodeId.substring(0, nodeId.indexOf('.'));
        return new NodeMatcher(TaxonomyLoader.loadShipped(taxonomy).node(nodeId));
    }

    boolean matches(String text) {
        for (String clause : CLAUSES.split(text)) {
            if (clause.isEmpty() || rules.exclude().stream().anyMatch(clause::contains)) continue;
            for (String term : rules.terms()) if (affirmed(clause, term)) return true;
            if (rules.aspects().stream().anyMatch(clause::contains)) {
                for (String opinion : rules.opinions()) if (affirmed(clause, opinion)) return true;
            }
        }
        return false;
    }

    private static boolean affirmed(String clause, String word) {
        for (int at = clause.indexOf(word); at >= 0; at = clause.indexOf(word, at + 1)) {
            String before = clause.substring(Math.max(0, at - NEGATION_WINDOW), at);
            if (NEGATORS.stream().noneMatch(before::contains)) return true;
        }
        return false;
    }
}
