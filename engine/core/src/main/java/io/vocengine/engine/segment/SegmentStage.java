package io.vocengine.engine.segment;

import io.vocengine.engine.model.Token;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Key;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.pipeline.Stage;

import java.util.List;
import java.util.Set;

/** Segments the cleaned text into words. Thread-safe; the {@link Segmenter} is shared read-only. */
public final class SegmentStage implements Stage<List<Token>> {
    private final Segmenter segmenter;

    public SegmentStage(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    public String name() {
        return "segment";
    }

    @Override
    public Set<Key<?>> inputs() {
        return Set.of(Keys.CLEAN);
    }

    @Override
    public Key<List<Token>> output() {
        return Keys.TOKENS;
    }

    @Override
    public List<Token> process(Analysis item) {
        return List.copyOf(segmenter.segment(item.clean().text()));
    }
}
