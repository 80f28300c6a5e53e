package io.vocengine.engine.pipeline;

import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.ItemError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * An ordered chain of {@link Stage}s, checked when built: every stage's inputs must be produced by an earlier stage,
 * and no two stages may fill the same slot. Immutable and thread-safe when its stages are.
 */
public final class Pipeline {
    private final List<Stage<?>> stages;

    private Pipeline(List<Stage<?>> stages) {
        this.stages = List.copyOf(stages);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every stage on one item.
     *
     * @throws StageException with a coded error when a stage fails; the caller dead-letters the item and goes on
     */
    public Analysis process(Feedback feedback) {
        Analysis item = Analysis.of(feedback);
        for (Stage<?> stage : stages) {
            item = apply(stage, item);
        }
        return item;
    }

    /** As {@link #process(Feedback)}, adding each stage's time to {@code times}. */
    public Analysis process(Feedback feedback, StageTimes times) {
        Analysis item = Analysis.of(feedback);
        for (Stage<?> stage : stages) {
            long t = System.nanoTime();
            item = apply(stage, item);
            times.add(stage.name(), System.nanoTime() - t);
        }
        return item;
    }

    private static <T> Analysis apply(Stage<T> stage, Analysis item) {
        T value;
        try {
            value = stage.process(item);
        } catch (StageException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new StageException(new ItemError(ErrorCode.STAGE_FAILED, stage.name(),
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())), e);
        }
        if (value == null) throw new StageException(stage.name(), "stage returned no value");
        return item.with(stage.output(), value);
    }

    public static final class Builder {
        private final List<Stage<?>> stages = new ArrayList<>();

        public Builder add(Stage<?> stage) {
            stages.add(stage);
            return this;
        }

        public Pipeline build() {
            Set<Key<?>> filled = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Stage<?> s : stages) {
                for (Key<?> in : s.inputs()) {
                    if (!filled.contains(in)) {
                        throw new IllegalStateException("stage '" + s.name() + "' needs '" + in
                                + "', which no earlier stage produces; order: " + names());
                    }
                }
                if (!filled.add(s.output())) {
                    throw new IllegalStateException("stage '" + s.name() + "' fills '" + s.output()
                            + "', which an earlier stage already fills");
                }
            }
            return new Pipeline(stages);
        }

        private List<String> names() {
            return stages.stream().map(Stage::name).toList();
        }
    }
}
