package io.vocengine.engine.run;

import io.vocengine.engine.model.ErrorCode;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch run did. {@code read = ok + failed}; flagged items are ok items that carry warnings.
 */
public record RunSummary(long read, long ok, long failed, Map<ErrorCode, Long> failures, Map<String, Long> flags,
                         long rawChars, long nanos) {
    public RunSummary {
        failures = Map.copyOf(failures);
        flags = Map.copyOf(flags);
    }

    /** This summary with {@code n} items moved from ok to failed for {@code code} (failures found after the run). */
    public RunSummary withLateFailures(ErrorCode code, long n) {
        if (n == 0) return this;
        Map<ErrorCode, Long> f = new EnumMap<>(ErrorCode.class);
        f.putAll(failures);
        f.merge(code, n, Long::sum);
        return new RunSummary(read, ok - n, failed + n, f, flags, rawChars, nanos);
    }

    public double seconds() {
        return nanos / 1e9;
    }

    public double itemsPerSecond() {
        return nanos == 0 ? 0 : read / seconds();
    }

    /** A few human-readable lines for stderr. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("read %,d  ok %,d  failed %,d  in %.1f s  (%,.0f items/s, %,.0f chars/s)%n",
                read, ok, failed, seconds(), itemsPerSecond(), nanos == 0 ? 0 : rawChars / seconds()));
        if (!failures.isEmpty()) sb.append("failed by reason: ").append(new TreeMap<>(failures)).append('\n');
        if (!flags.isEmpty()) sb.append("flagged (kept, see flags): ").append(new TreeMap<>(flags)).append('\n');
        return sb.toString();
    }
}
