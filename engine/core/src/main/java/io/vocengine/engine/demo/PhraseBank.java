package io.vocengine.engine.demo;

import java.util.List;

/**
 * What customers of one domain say: topics plus the framing around them. Pure data; {@link TextComposer} turns it into
 * sentences. One instance per domain, built by {@link EcommercePhrases}, {@link PhonePhrases}, {@link AutoPhrases} and
 * {@link RestaurantPhrases}.
 *
 * @param topics          everything a customer can talk about; planted topics included (see {@link Topic#planted()})
 * @param openers         lead-ins such as "用了一段时间了" (templates)
 * @param positiveClosers sign-offs of a happy customer ("会回购的")
 * @param negativeClosers sign-offs of an unhappy one ("差评")
 * @param mixedClosers    sign-offs of a customer with both
 * @param socialTags      how a post names the brand on social media ("@星耀手机", "#远航S7#")
 * @param sameThingDepth  how many leading segments of a topic's node (after any "x.") name the thing talked about:
 *                        topics that agree on them are never praised and blamed in one text ("质量很好…质量太差").
 *                        1 for the shop (quality.good vs quality.defect), 2 where siblings are separate things
 *                        (phone quality.screen vs quality.battery, restaurant dish.taste vs dish.portion)
 */
record PhraseBank(List<Topic> topics, List<String> openers, List<String> positiveClosers,
                  List<String> negativeClosers, List<String> mixedClosers, List<String> socialTags,
                  int sameThingDepth) {
    PhraseBank {
        topics = List.copyOf(topics);
        openers = List.copyOf(openers);
        positiveClosers = List.copyOf(positiveClosers);
        negativeClosers = List.copyOf(negativeClosers);
        mixedClosers = List.copyOf(mixedClosers);
        socialTags = List.copyOf(socialTags);
    }

    /** The thing a topic is about, at {@link #sameThingDepth()}: "quality" or "quality.battery". */
    String subject(Topic t) {
        List<String> parts = List.of((t.node().startsWith("x.") ? t.node().substring(2) : t.node()).split("\\."));
        return String.join(".", parts.subList(0, Math.min(sameThingDepth, parts.size())));
    }

    Topic topic(String node) {
        for (Topic t : topics) if (t.node().equals(node)) return t;
        throw new IllegalArgumentException("no topic " + node);
    }

    /** Topics of the given tone that may appear as everyday chatter (planted ones excluded). */
    List<Topic> background(Sentiment tone) {
        return topics.stream().filter(t -> !t.planted() && t.tone() == tone).toList();
    }

    List<String> closers(Sentiment sentiment) {
        return switch (sentiment) {
            case POSITIVE -> positiveClosers;
            case NEGATIVE -> negativeClosers;
            default -> mixedClosers;
        };
    }
}
