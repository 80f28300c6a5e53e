package io.vocengine.engine.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OffsetMapTest {
    @Test
    void composesTwoRewritesBackToTheSource() {
        // source "a  b" -> "a b" (collapse) -> "ab" (drop space)
        OffsetMap first = new OffsetMap.Builder(4).copy("a  b", 0, 1).append(" ", 1, 3).copy("a  b", 3, 4).map();
        OffsetMap second = new OffsetMap.Builder(3).copy("a b", 0, 1).copy("a b", 2, 3).map();
        OffsetMap both = first.then(second);
        assertEquals(new Span(0, 1), both.toSource(0, 1));
        assertEquals(new Span(3, 4), both.toSource(1, 2));
        assertEquals(new Span(0, 4), both.toSource(0, 2));
        assertEquals(new Span(3, 3), both.toSource(1, 1));
        assertEquals(new Span(4, 4), both.toSource(2, 2));
    }

    @Test
    void rejectsBackwardSpansAndMismatchedComposition() {
        OffsetMap.Builder b = new OffsetMap.Builder(4).append("x", 2, 3);
        assertThrows(IllegalArgumentException.class, () -> b.append("y", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> OffsetMap.identity(3).then(OffsetMap.identity(2)));
        assertThrows(IndexOutOfBoundsException.class, () -> OffsetMap.identity(3).toSource(2, 4));
    }
}
