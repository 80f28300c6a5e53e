package io.vocengine.engine.clean;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Cue;
import io.vocengine.engine.model.Flag;
import io.vocengine.engine.model.OffsetMap;
import io.vocengine.engine.model.PiiMask;
import io.vocengine.engine.model.Span;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Key;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.pipeline.Stage;
import io.vocengine.engine.pipeline.StageException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the raw text into {@link CleanText}: runs the configured {@link CleaningStep}s in order, composing their
 * offset maps so every cleaned character still points at what the customer wrote, then the {@link TextCheck}s on the
 * result. Texts longer than {@code maxChars} are analysed up to that length and flagged TRUNCATED; the raw text itself
 * is never cut. Immutable and thread-safe.
 */
public final class CleanStage implements Stage<CleanText> {
    /** The steps switched on by default, in the order they must run. */
    public static List<CleaningStep> defaultSteps() {
        return List.of(new InvalidCharsStep(), new NfkcStep(), new MarkupStep(), new TraditionalToSimplifiedStep(),
                new PiiMaskStep(), new CaseFoldStep(), new EmojiCueStep(), new SlangStep(), new RepetitionStep(),
                new WhitespaceStep());
    }

    /** The checks switched on by default; each loads its rules or model once per JVM. */
    public static List<TextCheck> defaultChecks() {
        return DefaultChecks.ALL;
    }

    private static final class DefaultChecks {
        static final List<TextCheck> ALL =
                List.of(new SpamAdCheck(), new FillerCheck(), new MeaninglessCheck(), new LanguageCheck());
    }

    private final List<CleaningStep> steps;
    private final List<TextCheck> checks;
    private final int maxChars;

    public CleanStage(List<CleaningStep> steps, List<TextCheck> checks, int maxChars) {
        if (maxChars < 1) throw new IllegalArgumentException("maxChars must be positive, got " + maxChars);
        this.steps = List.copyOf(steps);
        this.checks = List.copyOf(checks);
        this.maxChars = maxChars;
    }

    @Override
    public String name() {
        return "clean";
    }

    @Override
    public Set<Key<?>> inputs() {
        return Set.of();
    }

    @Override
    public Key<CleanText> output() {
        return Keys.CLEAN;
    }

    @Override
    public CleanText process(Analysis item) {
        return clean(item.feedback().text());
    }

    /** Cleans one raw string; also used at query time so queries and documents are cleaned alike. */
    public CleanText clean(String raw) {
        List<Flag> flags = new ArrayList<>();
        List<String> changedBy = new ArrayList<>();
        List<Cue> cues = new ArrayList<>();
        List<PiiMask> pii = new ArrayList<>();
        String text = raw;
        if (raw.length() > maxChars) {
            int cut = Character.isHighSurrogate(raw.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
            text = raw.substring(0, cut);
            flags.add(new Flag(Flag.TRUNCATED, "text has " + raw.length() + " UTF-16 units; the first " + cut
                    + " were analysed (raw text kept whole)"));
            changedBy.add("truncate");
        }
        OffsetMap map = OffsetMap.identity(text.length());
        for (CleaningStep step : steps) {
            Rewrite r = step.apply(text);
            if (r == null) continue;
            // The step reported spans in its input text, which `map` (before this step) takes to the raw text.
            for (Flag f : r.flags()) flags.add(new Flag(f.code(), f.reason(), toRaw(map, f.evidence())));
            for (Cue c : r.cues()) cues.add(new Cue(c.kind(), c.name(), toRaw(map, c.raw()), c.strength()));
            for (PiiMask p : r.pii()) pii.add(new PiiMask(p.type(), toRaw(map, p.raw()), p.placeholder()));
            if (!r.text().equals(text)) changedBy.add(step.name());
            text = r.text();
            map = map.then(r.toInput());
        }
        if (text.length() > maxChars) { // NFKC can expand (ﷺ is 18 characters): cap what later stages read
            int cut = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
            text = text.substring(0, cut);
            map = map.prefix(cut);
            if (flags.stream().noneMatch(f -> f.code().equals(Flag.TRUNCATED))) {
                flags.add(new Flag(Flag.TRUNCATED, "the cleaned text has more than " + maxChars
                        + " UTF-16 units; the first " + cut + " were analysed (raw text kept whole)"));
            }
        }
        if (text.isEmpty()) {
            flags.add(new Flag(Flag.EMPTY_TEXT, raw.isEmpty() ? "the record has no text"
                    : "the text has no usable characters after cleaning"));
        }
        CleanText cleaned = new CleanText(text, map, flags, changedBy, cues, pii);
        if (checks.isEmpty() || text.isEmpty()) return cleaned;
        for (TextCheck check : checks) {
            try {
                flags.addAll(check.check(raw, cleaned));
            } catch (RuntimeException e) { // the item is dead-lettered; say which check broke on it
                throw new StageException(name(), "check '" + check.name() + "' failed: " + e);
            }
        }
        return new CleanText(text, map, flags, changedBy, cues, pii);
    }

    private static Span toRaw(OffsetMap map, Span s) {
        return map.toSource(s.start(), s.end());
    }

    private static List<Span> toRaw(OffsetMap map, List<Span> spans) {
        return spans.stream().map(s -> toRaw(map, s)).toList();
    }
}
