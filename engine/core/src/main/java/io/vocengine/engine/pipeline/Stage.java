package io.vocengine.engine.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One step of the analysis pipeline. A stage reads the slots it declares in {@link #inputs()} and returns the value
 * of its {@link #output()} slot; it never sees or changes anything else. {@link Pipeline} checks the declarations
 * when it is built, so a misordered chain fails at start-up, not on the millionth item.
 * <p>
 * Implementations hold only read-only resources loaded once and must be safe to call from many threads.
 */
public interface Stage<T> {
    /** Short lower-case name, used in errors and the dead-letter file. */
    String name();

    Set<Key<?>> inputs();

    Key<T> output();

    /**
     * @throws StageException for a problem with this item that the stage can name; any other exception is also
     *                        caught by the pipeline and reported as a stage failure
     */
    T process(Analysis item);

    /**
     * This stage over several items at once, one value per item in order. Stages that run a model faster on a batch
     * (one onnxruntime call for many texts) override it; the default calls {@link #process} per item.
     * {@link Pipeline#processAll} reruns the items one by one when this throws, so one bad item never fails its
     * batch-mates.
     */
    default List<T> processBatch(List<Analysis> items) {
        List<T> out = new ArrayList<>(items.size());
        for (Analysis item : items) out.add(process(item));
        return out;
    }
}
