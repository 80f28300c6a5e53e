package io.vocengine.engine.clean;

import io.vocengine.engine.model.Cue;
import io.vocengine.engine.model.OffsetMap;
import io.vocengine.engine.model.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Squashes runs of one repeated character and keeps their length as an intensity cue: expressive marks and emoji
 * repeated (!!!!, 😡😡😡) become one, a Han character repeated three or more times (好好好好好, 哈哈哈哈) becomes two,
 * so Chinese reduplication (好好, 哈哈) survives. Nothing else is touched: digits (1000), Latin letters (www) and
 * structural punctuation (https://, ---) repeat for a reason.
 */
public final class RepetitionStep implements CleaningStep {
    @Override
    public String name() {
        return "repeat";
    }

    @Override
    public Rewrite apply(String text) {
        List<Cue> cues = new ArrayList<>();
        OffsetMap.Builder b = null;
        int copied = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            int end = i + width;
            int run = 1;
            while (end < text.length() && text.codePointAt(end) == cp) {
                end += width;
                run++;
            }
            int keep = keep(cp, run);
            if (keep < run) {
                if (b == null) b = new OffsetMap.Builder(text.length());
                int last = i + (keep - 1) * width;
                b.copy(text, copied, last);
                // The last kept character stands for the rest of the run, so a highlight of it covers all of it.
                b.append(text.substring(last, last + width), last, end);
                copied = end;
                cues.add(new Cue("repeat", Character.toString(cp), new Span(i, end), run));
            }
            i = end;
        }
        if (b == null) return null;
        b.copy(text, copied, text.length());
        return new Rewrite(b.text(), b.map(), List.of(), cues, List.of());
    }

    private static final String EXPRESSIVE = "!?.。~,、…";

    private static int keep(int cp, int run) {
        if (EXPRESSIVE.indexOf(cp) >= 0 || Character.getType(cp) == Character.OTHER_SYMBOL) return Math.min(run, 1);
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) return Math.min(run, 2);
        return run;
    }
}
