package io.vocengine.engine.emotion;

import io.vocengine.engine.model.Emotion;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Key;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.pipeline.Stage;

import java.util.List;
import java.util.Set;

/** Scores one item's emotion, polarity, intensity and severity ({@link EmotionScorer}). Thread-safe. */
public final class EmotionStage implements Stage<Emotion> {
    private final EmotionScorer scorer;

    public EmotionStage(EmotionModels models) {
        this.scorer = new EmotionScorer(models);
    }

    @Override
    public String name() {
        return "emotion";
    }

    @Override
    public Set<Key<?>> inputs() {
        return Set.of(Keys.CLEAN, Keys.TOKENS, Keys.RISKS);
    }

    @Override
    public Key<Emotion> output() {
        return Keys.EMOTION;
    }

    @Override
    public Emotion process(Analysis item) {
        return scorer.score(List.of(input(item))).get(0);
    }

    /** One model call per batch: batched onnxruntime calls are several times faster per item. */
    @Override
    public List<Emotion> processBatch(List<Analysis> items) {
        return scorer.score(items.stream().map(EmotionStage::input).toList());
    }

    private static EmotionScorer.Input input(Analysis item) {
        return new EmotionScorer.Input(item.clean(), item.tokens(), item.get(Keys.RISKS).tags());
    }
}
