package io.vocengine.engine.model;

/**
 * One clause of a cleaned text: the scope later stages give a negation, an aspect-opinion pair and a polarity.
 * Offsets are into the cleaned text, like {@link Token}'s; a clause's closing punctuation belongs to it.
 *
 * @param sentence   number of the sentence the clause belongs to, from 0
 * @param connective the contrast or concession word that opens the clause (但是, 不过, 虽然, 除了), or "" for none
 */
public record Clause(int start, int end, int sentence, String connective) {
    public Clause {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad clause [" + start + ", " + end + ")");
    }
}
