package io.vocengine.engine.model;

import io.vocengine.taxonomy.Polarity;

import java.util.List;
import java.util.Map;

/**
 * How an item feels, from the emotion models and the cleaner's cues.
 *
 * @param primary   the strongest emotion above its decision threshold, else {@code neutral}
 * @param scores    probability of every emotion id (models/EMOTIONS.md), in the model's label order: the model's
 *                  calibrated one, raised by the cleaner's emoji cues (EmotionScorer)
 * @param labels    every emotion at or above its threshold (multi-label), strongest first; always holds the primary
 * @param polarity  document polarity
 * @param positive  probability that the item is positive
 * @param intensity 0–1: how strongly it is felt (有点小贵 low, 再也不买你们家东西了 high)
 * @param severity  0–1: how urgently someone should act, combining negativity, intensity and risk flags
 * @param sources   stamps of the models that scored it ("model:name@version")
 */
public record Emotion(String primary, Map<String, Double> scores, List<String> labels, Polarity polarity,
                      double positive, double intensity, double severity, List<String> sources) {
    public Emotion {
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
        labels = List.copyOf(labels);
        sources = List.copyOf(sources);
    }
}
