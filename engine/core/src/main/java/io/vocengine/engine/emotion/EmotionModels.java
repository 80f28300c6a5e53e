package io.vocengine.engine.emotion;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocengine.engine.bundle.BundleException;
import io.vocengine.engine.bundle.ModelBundle;
import io.vocengine.engine.onnx.OnnxTextModel;

import java.util.List;

/**
 * The two document models the emotion stage reads: polarity (negative/positive) and the multi-label emotion
 * classifier, with the emotion model's per-label decision thresholds (chosen on dev by the training script).
 * Shared read-only by every engine of the JVM, across hot reloads: a taxonomy edit does not reload an ONNX model.
 */
public record EmotionModels(OnnxTextModel polarity, OnnxTextModel emotion, double[] thresholds) {
    public static final String POLARITY_KIND = "onnx/document-polarity";
    public static final String EMOTION_KIND = "onnx/emotion";
    public static final String NEUTRAL = "neutral";

    public EmotionModels {
        if (!polarity.labels().equals(List.of("negative", "positive"))) {
            throw new BundleException("polarity model " + polarity.stamp() + " must have the labels [negative, positive], has " + polarity.labels());
        }
        if (!emotion.labels().contains(NEUTRAL)) {
            throw new BundleException("emotion model " + emotion.stamp() + " has no '" + NEUTRAL + "' label");
        }
        if (thresholds.length != emotion.labels().size()) {
            throw new IllegalArgumentException(thresholds.length + " thresholds for " + emotion.labels().size() + " labels");
        }
        thresholds = thresholds.clone();
    }

    /** From two bundles; a label without a threshold in the emotion manifest gets 0.5. */
    public static EmotionModels of(ModelBundle polarity, ModelBundle emotion) {
        OnnxTextModel e = new OnnxTextModel(emotion, EMOTION_KIND);
        JsonNode t = e.manifest().path("thresholds");
        double[] thresholds = e.labels().stream().mapToDouble(l -> t.path(l).asDouble(0.5)).toArray();
        return new EmotionModels(new OnnxTextModel(polarity, POLARITY_KIND), e, thresholds);
    }

    /** The shipped bundles polarity-cnn and emotion-cnn, loaded and warmed once per JVM. */
    public static EmotionModels shipped() {
        return Shipped.MODELS;
    }

    private static final class Shipped {
        static final EmotionModels MODELS = of(required("polarity-cnn"), required("emotion-cnn"));

        private static ModelBundle required(String name) {
            ModelBundle b = ModelBundle.shipped(name);
            if (b == null) throw new BundleException("model bundle " + name + " is not on the class path (models/bundles/" + name + ")");
            return b;
        }
    }

    public double threshold(int label) {
        return thresholds[label];
    }

    public List<String> sources() {
        return List.of("model:" + polarity.stamp(), "model:" + emotion.stamp());
    }
}
