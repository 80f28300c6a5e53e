package io.vocengine.taxonomy;

import java.util.List;

/** A taxonomy file that cannot be used. The message names the file, the line and the node of every problem found. */
public final class TaxonomyException extends RuntimeException {
    private final List<String> problems;

    public TaxonomyException(String source, List<String> problems) {
        super("taxonomy " + source + " is invalid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
