package io.vocengine.engine.model;

import java.util.Locale;
import java.util.Map;

/** Where a piece of feedback came from. Unknown labels map to OTHER; ingest keeps the original label in metadata. */
public enum Channel {
    REVIEW, COMPLAINT, SURVEY, CHAT, SOCIAL, OTHER;

    private static final Map<String, Channel> ALIASES = Map.ofEntries(
            Map.entry("评价", REVIEW), Map.entry("评论", REVIEW), Map.entry("点评", REVIEW),
            Map.entry("投诉", COMPLAINT), Map.entry("工单", COMPLAINT),
            Map.entry("问卷", SURVEY), Map.entry("调研", SURVEY), Map.entry("nps", SURVEY),
            Map.entry("客服", CHAT), Map.entry("聊天", CHAT), Map.entry("会话", CHAT),
            Map.entry("微博", SOCIAL), Map.entry("社交", SOCIAL), Map.entry("社媒", SOCIAL));

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an English name (any case) or a common Chinese label; null when the label is not known. */
    public static Channel parse(String label) {
        if (label == null || label.isBlank()) return null;
        String s = label.trim();
        for (Channel c : values()) {
            if (c.name().equalsIgnoreCase(s)) return c;
        }
        return ALIASES.get(s.toLowerCase(Locale.ROOT));
    }
}
