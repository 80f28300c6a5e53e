package io.vocengine.engine.tag;

/** A rule term found in the cleaned text at [start, end), on word boundaries. */
record TermHit(RuleTerm term, int start, int end) {
    boolean overlaps(TermHit o) {
        return start < o.end && o.start < end;
    }
}
