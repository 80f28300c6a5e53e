package io.vocengine.engine.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** Time spent in each stage over many items, for benchmarks. Not thread-safe: one per measuring thread. */
public final class StageTimes {
    private final Map<String, long[]> nanos = new LinkedHashMap<>();

    void add(String stage, long elapsed) {
        nanos.computeIfAbsent(stage, k -> new long[1])[0] += elapsed;
    }

    /** Stage name to total nanoseconds, in pipeline order. */
    public Map<String, Long> totals() {
        Map<String, Long> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }
}
