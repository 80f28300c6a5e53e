package io.vocengine.engine.model;

/**
 * One dependency arc between two tokens of an item, by token index (see {@link Token}).
 *
 * @param relation the parser's label: nsubj, amod, advmod, neg …
 */
public record Arc(int head, int dependent, String relation) {
}
