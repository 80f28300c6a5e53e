package io.vocengine.engine.emotion;

import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Cue;
import io.vocengine.engine.model.Emotion;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.model.Token;
import io.vocengine.engine.resources.TsvResource;
import io.vocengine.taxonomy.Polarity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns model probabilities and the text's own signals into an {@link Emotion}, for one item or a batch (one model
 * call per batch, which is where onnxruntime's throughput comes from).
 * <ul>
 *   <li>Emotion: the classifier's calibrated probabilities, raised by the cleaner's emoji cues (😡 → anger; the
 *   cleaner drops platform codes such as [怒] from the text, so the cue is the model's only view of them): each cue
 *   adds {@link #CUE_LOGIT} per repetition, up to three, to its emotion's log-odds.</li>
 *   <li>Intensity: a logistic blend of the polarity model's confidence, the strongest emotion, intensifier and
 *   downtoner words (intensity-words.tsv), repeated ！ and emoji, and risk flags. The weights are a prior, set by hand
 *   and never fitted to the star ratings they are validated against (voc eval, ASAP).</li>
 *   <li>Severity: 1 − (1 − risk)(1 − negativity × intensity), where risk is the heaviest flag's {@link RiskType}
 *   weight: a safety report is severe however calmly it is written; an angry rant without a threat less so.</li>
 * </ul>
 * Immutable and thread-safe; the models are shared.
 */
public final class EmotionScorer {
    static final double CUE_LOGIT = 1.0;
    private static final Map<String, String> CUE_EMOTION = table("emotion-cues.tsv");
    private static final Map<String, Double> INTENSITY_WORDS = new HashMap<>();

    static {
        table("intensity-words.tsv").forEach((w, v) -> INTENSITY_WORDS.put(w, Double.parseDouble(v)));
    }

    private final EmotionModels models;

    public EmotionScorer(EmotionModels models) {
        this.models = models;
    }

    /** What the scorer reads of one analysed item. */
    public record Input(CleanText clean, List<Token> tokens, List<Tag> risks) {
    }

    public List<Emotion> score(List<Input> items) {
        List<String> texts = items.stream().map(i -> i.clean().text()).toList();
        float[][] polarity = models.polarity().predict(texts);
        float[][] emotion = models.emotion().predict(texts);
        List<Emotion> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) out.add(combine(items.get(i), polarity[i], emotion[i]));
        return out;
    }

    private Emotion combine(Input in, float[] polarity, float[] emotion) {
        List<String> names = models.emotion().labels();
        double[] p = new double[names.size()];
        for (int l = 0; l < p.length; l++) p[l] = emotion[l];
        for (Cue c : in.clean().cues()) {
            String e = CUE_EMOTION.get(c.name());
            int l = e == null ? -1 : names.indexOf(e);
            if (l >= 0) p[l] = sigmoid(logit(p[l]) + CUE_LOGIT * Math.min(c.strength(), 3));
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (int l = 0; l < p.length; l++) {
            scores.put(names.get(l), round(p[l]));
            if (p[l] >= models.threshold(l)) labels.add(names.get(l));
        }
        labels.sort(Comparator.comparingDouble(l -> -scores.get(l)));
        List<String> felt = labels.stream().filter(l -> !l.equals(EmotionModels.NEUTRAL)).toList();
        String primary = felt.isEmpty() ? EmotionModels.NEUTRAL : felt.get(0);
        if (felt.isEmpty() && !labels.contains(primary)) labels.add(primary); // nothing felt: neutral, so facets count it
        double strongest = 0;
        for (int l = 0; l < p.length; l++) if (!names.get(l).equals(EmotionModels.NEUTRAL)) strongest = Math.max(strongest, p[l]);

        double positive = polarity[1];
        double risk = in.risks().stream().map(t -> RiskType.of(t.nodeId())).filter(r -> r != null)
                .mapToDouble(RiskType::weight).max().orElse(0);
        double intensity = sigmoid(-2.0 + 2.0 * Math.abs(2 * positive - 1) + 1.0 * strongest
                + 0.6 * degree(in.tokens()) + 0.4 * exclamation(in.clean().cues()) + 0.4 * emoji(in.clean().cues())
                + 2.5 * risk);
        double severity = 1 - (1 - risk) * (1 - (1 - positive) * intensity);
        Polarity polarity1 = positive >= 0.5 ? Polarity.POSITIVE : Polarity.NEGATIVE;
        return new Emotion(primary, scores, labels, polarity1, round(positive), round(intensity), round(severity),
                models.sources());
    }

    /** Sum of the intensifier and downtoner weights of the words, held to [-2, 2]. */
    static double degree(List<Token> tokens) {
        double sum = 0;
        for (Token t : tokens) sum += INTENSITY_WORDS.getOrDefault(t.text(), 0.0);
        return Math.max(-2, Math.min(2, sum));
    }

    /** Repeated ！ or ? (the cleaner collapses them and keeps the run length): 0 for none, up to 1. */
    private static double exclamation(List<Cue> cues) {
        int run = 0;
        for (Cue c : cues) {
            if (c.kind().equals("repeat") && (c.name().equals("!") || c.name().equals("?"))) run = Math.max(run, c.strength());
        }
        return Math.min(Math.max(run - 1, 0), 3) / 3.0;
    }

    /** Emotional emoji, kaomoji and codes, counting repetitions: 0 for none, up to 1 at three. */
    private static double emoji(List<Cue> cues) {
        int n = 0;
        for (Cue c : cues) if (CUE_EMOTION.containsKey(c.name())) n += c.strength();
        return Math.min(n, 3) / 3.0;
    }

    private static double logit(double p) {
        double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        return Math.log(q / (1 - q));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static Map<String, String> table(String name) {
        Map<String, String> m = new HashMap<>();
        for (String[] row : TsvResource.read(EmotionScorer.class, name, 2)) m.put(row[0], row[1]);
        return Map.copyOf(m);
    }
}
