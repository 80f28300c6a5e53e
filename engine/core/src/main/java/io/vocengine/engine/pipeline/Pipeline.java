package io.vocengine.engine.pipeline;

import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.ItemError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
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

    /**
     * Runs a batch stage by stage ({@link Stage#processBatch}), so a model stage scores the whole batch in one call
     * rather than one item at a time. An item that fails leaves the batch with its error; the rest go on.
     *
     * @return one outcome per feedback, in order
     */
    public List<Outcome> processAll(List<Feedback> batch) {
        Analysis[] items = new Analysis[batch.size()];
        ItemError[] errors = new ItemError[batch.size()];
        for (int i = 0; i < items.length; i++) items[i] = Analysis.of(batch.get(i));
        for (Stage<?> stage : stages) {
            List<Integer> live = new ArrayList<>(items.length);
            for (int i = 0; i < items.length; i++) if (errors[i] == null) live.add(i);
            if (live.isEmpty()) break;
            applyAll(stage, items, errors, live);
        }
        List<Outcome> out = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) out.add(errors[i] == null ? Outcome.of(items[i]) : Outcome.failed(errors[i]));
        return out;
    }

    private static <T> void applyAll(Stage<T> stage, Analysis[] items, ItemError[] errors, List<Integer> live) {
        if (live.size() > 1) {
            List<T> values = null;
            try {
                values = stage.processBatch(live.stream().map(i -> items[i]).toList());
            } catch (RuntimeException | StackOverflowError e) {
                // Some item broke the batch call: fall through and find it by running the items one by one.
            }
            if (values != null && values.size() == live.size() && values.stream().allMatch(Objects::nonNull)) {
                for (int k = 0; k < live.size(); k++) items[live.get(k)] = items[live.get(k)].with(stage.output(), values.get(k));
                return;
            }
        }
        for (int i : live) {
            try {
                items[i] = apply(stage, items[i]);
            } catch (StageException e) {
                errors[i] = e.error();
            }
        }
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
