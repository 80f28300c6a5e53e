package io.vocengine.taxonomy;

import java.util.List;

/** Sentences that must (positive) or must not (negative) be tagged with the node; run as tests of the taxonomy. */
public record NodeExamples(List<String> positive, List<String> negative) {
    public NodeExamples {
        positive = List.copyOf(positive);
        negative = List.copyOf(negative);
    }
}
