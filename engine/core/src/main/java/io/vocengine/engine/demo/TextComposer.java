package io.vocengine.engine.demo;

import io.vocengine.engine.model.Channel;

import java.util.List;

/**
 * Builds one customer text from topics: optional opener, one clause per topic joined with the connectors people use
 * (但是 / 不过 / 就是 when the tone turns, 而且 / 还有 when it does not), optional closer, and the framing of the
 * channel (a chat greeting, a call-centre note, a weibo mention).
 */
final class TextComposer {
    /** A composed text and its overall tone. */
    record Message(String text, Sentiment sentiment) {
    }

    private static final List<String> TURN_TO_NEGATIVE = List.of("但是", "不过", "就是", "可是", "只是");
    private static final List<String> TURN_TO_POSITIVE = List.of("不过", "但是", "好在");
    private static final List<String> ALSO = List.of("而且", "还有", "另外", "并且");
    /** Lead-ins any customer may use, on top of the domain's own. */
    private static final List<String> OPENERS = List.of("这次", "朋友推荐的", "老客户了", "说句实话", "实话实说",
            "先说结论", "纠结了很久");
    /** Short emotional asides, so that two customers with the same complaint rarely write the same line. */
    private static final List<String> NEGATIVE_ASIDES = List.of("无语", "服了", "哎", "醉了", "真是的", "气死了", "心累");
    private static final List<String> POSITIVE_ASIDES = List.of("开心", "惊喜", "很满意", "不错不错", "点赞", "安心");
    private static final List<String> CHAT_GREETINGS = List.of("你好，", "在吗？", "亲，", "客服你好，", "");
    private static final List<String> CHAT_ASKS = List.of("怎么处理？", "麻烦尽快处理一下", "能给个说法吗？", "");
    private static final List<String> CALL_CENTRE_NOTES = List.of("客户来电反映：", "客户投诉：", "");
    private static final List<String> COMPLAINT_ASKS = List.of("要求给个说法", "希望尽快处理", "要求退款", "");

    private final Rand rand;

    TextComposer(Rand rand) {
        this.rand = rand;
    }

    Message compose(PhraseBank bank, List<Topic> topics, Template.Slots slots) {
        Sentiment overall = overall(topics);
        StringBuilder sb = new StringBuilder(64);
        if (rand.chance(0.45)) {
            String opener = rand.chance(0.7) ? rand.pick(bank.openers()) : rand.pick(OPENERS);
            sb.append(Template.expand(opener, slots, rand)).append('，');
        }
        Topic previous = null;
        for (Topic topic : topics) {
            if (previous != null) {
                sb.append(rand.chance(0.75) ? "，" : "。");
                if (topic.tone() != previous.tone()) {
                    sb.append(rand.pick(topic.tone() == Sentiment.NEGATIVE ? TURN_TO_NEGATIVE : TURN_TO_POSITIVE));
                } else if (rand.chance(0.35)) {
                    sb.append(rand.pick(ALSO));
                }
            }
            sb.append(Template.expand(rand.pick(topic.templates()), slots, rand));
            previous = topic;
        }
        if (overall != Sentiment.MIXED && rand.chance(0.2)) {
            sb.append('，').append(rand.pick(overall == Sentiment.POSITIVE ? POSITIVE_ASIDES : NEGATIVE_ASIDES));
        }
        if (rand.chance(0.45)) sb.append(rand.chance(0.7) ? "，" : "。").append(rand.pick(bank.closers(overall)));
        sb.append(ending(overall));
        return new Message(sb.toString(), overall);
    }

    /** Wraps a text the way its channel delivers it. */
    String frame(String text, Sentiment sentiment, Channel channel, String source, PhraseBank bank) {
        return switch (channel) {
            case CHAT -> rand.pick(CHAT_GREETINGS)
                    + append(text, sentiment == Sentiment.POSITIVE ? "" : rand.pick(CHAT_ASKS));
            case COMPLAINT -> ("call-center".equals(source) ? rand.pick(CALL_CENTRE_NOTES) : "")
                    + append(text, rand.pick(COMPLAINT_ASKS));
            case SOCIAL -> {
                String tag = rand.pick(bank.socialTags());
                yield rand.chance(0.7) ? tag + " " + text : text + " " + tag;
            }
            default -> text;
        };
    }

    private static String append(String text, String tail) {
        if (tail.isEmpty()) return text;
        boolean punctuated = !text.isEmpty() && "。！~？".indexOf(text.charAt(text.length() - 1)) >= 0;
        return punctuated ? text + tail : text + "，" + tail;
    }

    static Sentiment overall(List<Topic> topics) {
        boolean pos = false, neg = false;
        for (Topic t : topics) {
            if (t.tone() == Sentiment.POSITIVE) pos = true;
            else neg = true;
        }
        return pos && neg ? Sentiment.MIXED : pos ? Sentiment.POSITIVE : Sentiment.NEGATIVE;
    }

    private String ending(Sentiment s) {
        double x = rand.unit();
        return switch (s) {
            case NEGATIVE -> x < 0.3 ? "！" : x < 0.7 ? "。" : "";
            case POSITIVE -> x < 0.35 ? "。" : x < 0.6 ? "！" : x < 0.7 ? "~" : "";
            default -> x < 0.6 ? "。" : "";
        };
    }
}
