package io.vocengine.engine.clean;

import io.vocengine.engine.model.Cue;
import io.vocengine.engine.model.OffsetMap;
import io.vocengine.engine.model.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markup that exports and social posts carry: HTML tags are removed (line-breaking ones become a line break), common
 * entities decoded (&amp;amp; → &amp;), @mentions removed (a user name is no opinion and may be personal), the hashes of
 * #话题# removed but the topic kept as text. URLs stay in the text for the spam check. Mentions, topics and URLs are
 * kept as cues.
 */
public final class MarkupStep implements CleaningStep {
    private static final Pattern MARKUP = Pattern.compile(
            "(?<tag></?[a-zA-Z][a-zA-Z0-9]{0,10}(?:\\s[^<>]{0,200})?/?>)"
                    + "|(?<entity>&(?:amp|lt|gt|quot|apos|nbsp|#\\d{1,7}|#x[0-9a-fA-F]{1,6});)"
                    + "|(?<url>(?:https?://|www\\.)[\\w\\-./?%&=+#:~@!$,;*()]+)"
                    + "|(?<mention>(?<![\\p{L}\\p{N}_.])@[\\p{L}\\p{N}_\\-]{1,30})"
                    + "|(?<topic>#[^#\\n]{1,40}#)");
    private static final Pattern LINE_BREAKING = Pattern.compile("(?i)</?(br|p|div|li|tr|h[1-6])\\b.*");
    private static final Map<String, String> ENTITIES = Map.of("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"",
            "&apos;", "'", "&nbsp;", " ");

    @Override
    public String name() {
        return "markup";
    }

    @Override
    public Rewrite apply(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0 && text.indexOf('@') < 0 && text.indexOf('#') < 0
                && text.indexOf("://") < 0 && text.indexOf("www.") < 0) return null;
        Matcher m = MARKUP.matcher(text);
        OffsetMap.Builder b = new OffsetMap.Builder(text.length());
        List<Cue> cues = new ArrayList<>();
        int pos = 0;
        while (m.find()) {
            b.copy(text, pos, m.start());
            Span span = new Span(m.start(), m.end());
            if (m.group("tag") != null) {
                if (LINE_BREAKING.matcher(m.group()).matches()) b.append("\n", m.start(), m.end());
            } else if (m.group("entity") != null) {
                b.append(decode(m.group()), m.start(), m.end());
            } else if (m.group("url") != null) {
                b.copy(text, m.start(), m.end());
                cues.add(new Cue("url", "url", span, 1));
            } else if (m.group("mention") != null) {
                cues.add(new Cue("mention", "@", span, 1));
            } else {
                b.copy(text, m.start() + 1, m.end() - 1);
                cues.add(new Cue("topic", m.group().substring(1, m.group().length() - 1), span, 1));
            }
            pos = m.end();
        }
        if (pos == 0 && cues.isEmpty()) return null;
        b.copy(text, pos, text.length());
        return new Rewrite(b.text(), b.map(), List.of(), cues, List.of());
    }

    private static String decode(String entity) {
        String named = ENTITIES.get(entity);
        if (named != null) return named;
        boolean hex = entity.startsWith("&#x") || entity.startsWith("&#X");
        int cp = Integer.parseInt(entity.substring(hex ? 3 : 2, entity.length() - 1), hex ? 16 : 10);
        return Character.isValidCodePoint(cp) && !Character.isSurrogate((char) cp) ? Character.toString(cp) : "";
    }
}
