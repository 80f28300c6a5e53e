package io.vocengine.engine.demo;

import java.util.List;

/**
 * One thing a customer can say, as clause templates (syntax: {@link Template}).
 *
 * @param node      the starter-taxonomy node (local id) the templates are written to hit, e.g. logistics.speed.slow;
 *                  content the starter taxonomy has no node for uses an informal label prefixed "x."
 * @param tone      POSITIVE or NEGATIVE
 * @param weight    relative frequency among the domain's background topics of the same tone
 * @param planted   true when the topic carries a planted effect: it is written only by the operational model, never as
 *                  background chatter, so its text signal stays tied to the records that cause it
 * @param templates one or two clauses each, without final punctuation
 */
record Topic(String node, Sentiment tone, int weight, boolean planted, List<String> templates) {
    Topic {
        if (tone != Sentiment.POSITIVE && tone != Sentiment.NEGATIVE) throw new IllegalArgumentException("tone " + tone);
        templates = List.copyOf(templates);
    }

    static Topic pos(String node, int weight, String... templates) {
        return new Topic(node, Sentiment.POSITIVE, weight, false, List.of(templates));
    }

    static Topic neg(String node, int weight, String... templates) {
        return new Topic(node, Sentiment.NEGATIVE, weight, false, List.of(templates));
    }

    static Topic planted(String node, Sentiment tone, String... templates) {
        return new Topic(node, tone, 0, true, List.of(templates));
    }
}
