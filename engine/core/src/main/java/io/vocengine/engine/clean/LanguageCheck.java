package io.vocengine.engine.clean;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Flag;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Flags texts not written in Chinese, with Apache OpenNLP's language detector (the 103-language
 * {@code langdetect-183.bin} model of {@code opennlp-models-langdetect}). The detector only runs when a script count
 * says the text might not be Chinese: at least {@link #MIN_LETTERS} letters, and Han characters under
 * {@link #MAX_HAN_SHARE} of them, or any kana (Japanese writes kanji too). So "iPhone的屏幕很好" is Chinese without
 * asking, and ordinary reviews never pay for the model. Shorter texts are not judged: on a few letters ("ok", "good")
 * the detector guesses, and a one-word reply is not worth a language flag; {@link MeaninglessCheck} covers mashing.
 * A text is flagged when the detector's best language is not Chinese and leads the runner-up by {@link #MIN_MARGIN}
 * (best probability / second). The margin is the confidence used because the model spreads its probability over 103
 * languages: the best one rarely exceeds 0.04 even on clean English, while the margin separates real sentences
 * (1.16-1.41 on English, French, Japanese, Korean reviews) from guesses on pinyin, repeated words and short phrases
 * (1.00-1.08).
 * <p>
 * Threading: the {@link LanguageDetectorModel} (a read-only maxent model, ~10 MB) is loaded once per JVM and shared.
 * {@link LanguageDetectorME} is not documented as thread-safe, so each call makes its own; that costs two field reads,
 * the model is never copied.
 */
public final class LanguageCheck implements TextCheck {
    static final int MIN_LETTERS = 10;
    static final double MAX_HAN_SHARE = 0.2;
    static final double MIN_MARGIN = 1.1;
    /** ISO 639-3 codes the model uses for Chinese. */
    private static final Set<String> CHINESE = Set.of("cmn", "zho", "yue", "wuu", "lzh");
    private static final String MODEL = "/langdetect-183.bin";

    private static final class Model {
        static final LanguageDetectorModel INSTANCE = load();

        private static LanguageDetectorModel load() {
            try (InputStream in = LanguageCheck.class.getResourceAsStream(MODEL)) {
                if (in == null) {
                    throw new IllegalStateException(MODEL + " missing: opennlp-models-langdetect is not on the classpath");
                }
                return new LanguageDetectorModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public String name() {
        return "language";
    }

    @Override
    public List<Flag> check(String raw, CleanText clean) {
        String text = clean.text();
        int letters = 0, han = 0, kana = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            letters++;
            if (Character.isIdeographic(cp)) han++;
            else if (cp >= 0x3040 && cp <= 0x30FF) kana++; // hiragana and katakana blocks
        }
        if (letters < MIN_LETTERS || (kana == 0 && han >= MAX_HAN_SHARE * letters)) return List.of();
        Language[] ranked = new LanguageDetectorME(Model.INSTANCE).predictLanguages(text);
        Language best = ranked[0];
        double margin = best.getConfidence() / ranked[1].getConfidence();
        if (CHINESE.contains(best.getLang()) || margin < MIN_MARGIN) return List.of();
        return List.of(new Flag(Flag.NON_CHINESE, String.format(Locale.ROOT,
                "detected language %s (confidence %.2fx the runner-up %s, probability %.3f); Han characters %d of %d letters",
                best.getLang(), margin, ranked[1].getLang(), best.getConfidence(), han, letters)));
    }
}
