package io.vocengine.engine.emotion;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocengine.engine.bundle.BundleException;
import io.vocengine.engine.bundle.ModelBundle;
import io.vocengine.engine.onnx.OnnxTextModel;
import io.vocengine.engine.resources.Once;

import java.util.ArrayList;
import java.util.List;

/**
 * The two document models the emotion stage reads: polarity (negative/positive) and the multi-label emotion
 * classifier, with the emotion model's per-label decision thresholds (chosen on dev by the training script).
 * Shared read-only by every engine of the JVM, across hot reloads: a taxonomy edit does not reload an ONNX model.
 * <p>
 * Both read a long text at its head and its tail ({@link OnnxTextModel#predict(List, OnnxTextModel.Pooling)}): its
 * polarity is the two readings' mean; an emotion is felt if it is felt in either (the label-wise maximum), and the
 * text is neutral only as far as both are (the minimum). The maximum of two calibrated probabilities runs a little
 * high: long texts are scored on the generous side, and their endings are never cut off.
 */
public record EmotionModels(OnnxTextModel polarity, OnnxTextModel emotion, List<Double> thresholds) {
    public static final String POLARITY_KIND = "onnx/document-polarity";
    public static final String EMOTION_KIND = "onnx/emotion";
    public static final String NEUTRAL = "neutral";
    private static final List<String> POLARITY_LABELS = List.of("negative", "positive");
    private static final Once<EmotionModels> SHIPPED = new Once<>(() -> of(required("polarity-cnn"), required("emotion-cnn")));

    public EmotionModels {
        if (!polarity.labels().equals(POLARITY_LABELS)) {
            throw new BundleException("polarity model " + polarity.stamp() + " must have the labels " + POLARITY_LABELS + ", has " + polarity.labels());
        }
        if (!emotion.labels().contains(NEUTRAL)) {
            throw new BundleException("emotion model " + emotion.stamp() + " has no '" + NEUTRAL + "' label");
        }
        if (thresholds.size() != emotion.labels().size()) {
            throw new IllegalArgumentException(thresholds.size() + " thresholds for " + emotion.labels().size() + " labels");
        }
        thresholds = List.copyOf(thresholds);
    }

    /**
     * From two bundles, each checked before its session opens; the emotion manifest must give every label a
     * threshold in (0, 1). A session opened before a later check fails is closed again.
     */
    public static EmotionModels of(ModelBundle polarity, ModelBundle emotion) {
        List<String> labels = manifestLabels(polarity);
        if (!labels.equals(POLARITY_LABELS)) {
            throw new BundleException("model bundle " + polarity.name() + " must have the labels " + POLARITY_LABELS + ", has " + labels);
        }
        List<Double> thresholds = thresholds(emotion);
        OnnxTextModel e = new OnnxTextModel(emotion, EMOTION_KIND);
        try {
            return new EmotionModels(new OnnxTextModel(polarity, POLARITY_KIND), e, thresholds);
        } catch (RuntimeException failed) {
            e.close();
            throw failed;
        }
    }

    private static List<String> manifestLabels(ModelBundle b) {
        List<String> labels = new ArrayList<>();
        b.manifest().path("labels").forEach(l -> labels.add(l.asText()));
        return labels;
    }

    private static List<Double> thresholds(ModelBundle emotion) {
        List<String> labels = manifestLabels(emotion);
        if (!labels.contains(NEUTRAL)) {
            throw new BundleException("model bundle " + emotion.name() + " has no '" + NEUTRAL + "' label (labels " + labels + ")");
        }
        JsonNode t = emotion.manifest().path("thresholds");
        List<Double> out = new ArrayList<>(labels.size());
        for (String l : labels) {
            JsonNode v = t.path(l);
            if (!v.isNumber() || !(v.asDouble() > 0 && v.asDouble() < 1)) {
                throw new BundleException("model bundle " + emotion.name() + ": manifest.json's thresholds." + l
                        + " must be a number between 0 and 1, is " + (v.isMissingNode() ? "missing" : v.toString()));
            }
            out.add(v.asDouble());
        }
        return out;
    }

    /** The shipped bundles polarity-cnn and emotion-cnn, loaded and warmed once per JVM, never closed. */
    public static EmotionModels shipped() {
        return SHIPPED.get();
    }

    private static ModelBundle required(String name) {
        ModelBundle b = ModelBundle.shipped(name);
        if (b == null) throw new BundleException("model bundle " + name + " is not on the class path (models/bundles/" + name + ")");
        return b;
    }

    public double threshold(int label) {
        return thresholds.get(label);
    }

    /** The probabilities of negative and positive of each text, a long one's head and tail averaged. */
    public float[][] readPolarity(List<String> texts) {
        return polarity.predict(texts, OnnxTextModel.Pooling.MEAN);
    }

    /** The calibrated probability of each emotion label of each text, a long one's head and tail pooled as above. */
    public float[][] readEmotions(List<String> texts) {
        int neutral = emotion.labels().indexOf(NEUTRAL);
        return emotion.predict(texts, windows -> {
            float[] out = windows.get(0).clone();
            for (float[] w : windows) {
                for (int l = 0; l < out.length; l++) out[l] = l == neutral ? Math.min(out[l], w[l]) : Math.max(out[l], w[l]);
            }
            return out;
        });
    }

    public List<String> sources() {
        return List.of("model:" + polarity.stamp(), "model:" + emotion.stamp());
    }
}
