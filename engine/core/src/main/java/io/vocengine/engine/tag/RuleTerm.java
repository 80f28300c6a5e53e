package io.vocengine.engine.tag;

import io.vocengine.taxonomy.TaxonomyNode;

/** One string of one node's rules, as stored in the compiled automaton. */
record RuleTerm(TaxonomyNode node, Role role, String text) {
    enum Role { TERM, ASPECT, OPINION, EXCLUDE }
}
