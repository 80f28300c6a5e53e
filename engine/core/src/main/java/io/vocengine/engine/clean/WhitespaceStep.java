package io.vocengine.engine.clean;

import io.vocengine.engine.model.OffsetMap;

import java.util.List;

/**
 * Collapses each run of white space to one character: a line break when the run holds one (it ends a sentence for
 * later stages), else a space; trims both ends. Covers ideographic space and no-break space too.
 */
public final class WhitespaceStep implements CleaningStep {
    @Override
    public String name() {
        return "whitespace";
    }

    @Override
    public Rewrite apply(String text) {
        if (isTidy(text)) return null;
        OffsetMap.Builder b = new OffsetMap.Builder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                b.copy(text, i, i + 1);
                i++;
                continue;
            }
            int end = i;
            boolean lineBreak = false;
            while (end < text.length() && isSpace(text.charAt(end))) {
                lineBreak |= text.charAt(end) == '\n' || text.charAt(end) == '\r';
                end++;
            }
            if (b.length() > 0 && end < text.length()) b.append(lineBreak ? "\n" : " ", i, end);
            i = end;
        }
        return Rewrite.of(b, List.of());
    }

    private static boolean isTidy(String text) {
        if (text.isEmpty()) return true;
        if (isSpace(text.charAt(0)) || isSpace(text.charAt(text.length() - 1))) return false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c) && (c != ' ' || isSpace(text.charAt(i - 1)))) return false;
        }
        return true;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\u202F';
    }
}
