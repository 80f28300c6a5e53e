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
 *   <li>A text with nothing for the models to read (no letter or digit left after cleaning: empty, symbols, only
 *   emoji) is not given to them, since they would read padding and find feelings in it. Its emotions come from its
 *   cues alone, each from even odds; it is neutral as far as no cue says otherwise, and of neutral polarity.</li>
 * </ul>
 * Immutable and thread-safe; the models are shared.
 */
public final class EmotionScorer {
    static final double CUE_LOGIT = 1.0;
    private static final Map<String, String> CUE_EMOTION = table("emotion-cues.tsv");
    private static final Map<String, Double> INTENSITY_WORDS = new HashMap<>();

    static {
        table("intensity-words.tsv").forEach((w, v) -> {
            try {
                INTENSITY_WORDS.put(w, Double.parseDouble(v));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("intensity-words.tsv: the weight of '" + w + "' is not a number: " + v);
            }
        });
    }

    private final EmotionModels models;

    public EmotionScorer(EmotionModels models) {
        this.models = models;
    }

    /** What the scorer reads of one analysed item. */
    public record Input(CleanText clean, List<Token> tokens, List<Tag> risks) {
    }

    public List<Emotion> score(List<Input> items) {
        boolean[] readable = new boolean[items.size()];
        List<String> texts = new ArrayList<>(items.size());
        for (int i = 0; i < readable.length; i++) {
            readable[i] = readable(items.get(i).clean().text());
            if (readable[i]) texts.add(items.get(i).clean().text());
        }
        float[][] polarity = models.readPolarity(texts);
        float[][] emotion = models.readEmotions(texts);
        List<Emotion> out = new ArrayList<>(items.size());
        int next = 0;
        for (int i = 0; i < readable.length; i++) {
            Input in = items.get(i);
            if (readable[i]) {
                out.add(modelled(in, polarity[next], emotion[next]));
                next++;
            } else {
                out.add(unread(in));
            }
        }
        return out;
    }

    /** Whether the models have something to read: a letter or digit in any script. */
    static boolean readable(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** The models' reading, each cue raising its emotion. */
    private Emotion modelled(Input in, float[] polarity, float[] emotion) {
        double[] p = new double[emotion.length];
        for (int l = 0; l < p.length; l++) p[l] = emotion[l];
        raiseByCues(in, p);
        double positive = polarity[1];
        return combine(in, p, positive, positive >= 0.5 ? Polarity.POSITIVE : Polarity.NEGATIVE);
    }

    /** No model reading: each cued emotion from even odds, neutral whatever the strongest of them leaves. */
    private Emotion unread(Input in) {
        List<String> names = models.emotion().labels();
        int neutral = names.indexOf(EmotionModels.NEUTRAL);
        double[] p = new double[names.size()];
        for (Cue c : in.clean().cues()) {
            int l = cued(c, names);
            if (l >= 0) p[l] = Math.max(p[l], 0.5);
        }
        raiseByCues(in, p);
        double felt = 0;
        for (int l = 0; l < p.length; l++) if (l != neutral) felt = Math.max(felt, p[l]);
        p[neutral] = 1 - felt;
        return combine(in, p, 0.5, Polarity.NEUTRAL);
    }

    private void raiseByCues(Input in, double[] p) {
        for (Cue c : in.clean().cues()) {
            int l = cued(c, models.emotion().labels());
            if (l >= 0) p[l] = sigmoid(logit(p[l]) + CUE_LOGIT * Math.min(c.strength(), 3));
        }
    }

    /** The label index of the emotion a cue stands for, or -1. */
    private static int cued(Cue c, List<String> names) {
        String e = CUE_EMOTION.get(c.name());
        return e == null ? -1 : names.indexOf(e);
    }

    private Emotion combine(Input in, double[] p, double positive, Polarity polarity) {
        List<String> names = models.emotion().labels();
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

        double risk = in.risks().stream().map(t -> RiskType.of(t.nodeId())).filter(r -> r != null)
                .mapToDouble(RiskType::weight).max().orElse(0);
        double intensity = sigmoid(-2.0 + 2.0 * Math.abs(2 * positive - 1) + 1.0 * strongest
                + 0.6 * degree(in.tokens()) + 0.4 * exclamation(in.clean().cues()) + 0.4 * emoji(in.clean().cues())
                + 2.5 * risk);
        double negativity = polarity == Polarity.NEUTRAL ? 0 : 1 - positive;
        double severity = 1 - (1 - risk) * (1 - negativity * intensity);
        return new Emotion(primary, scores, labels, polarity, round(positive), round(intensity), round(severity),
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
