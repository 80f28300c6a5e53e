package io.vocengine.engine.demo;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link DemoDataGenerator#generate(Path)} wrote.
 *
 * @param dir              the output directory
 * @param rows             data rows per file name (CSV header lines not counted; for effects.json the number of
 *                         planted effects), in the order the files were written
 * @param feedbackByDomain feedback lines per domain id (ecommerce, phone, auto, restaurant)
 */
public record DemoSummary(Path dir, Map<String, Integer> rows, Map<String, Integer> feedbackByDomain) {
    public DemoSummary {
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        feedbackByDomain = Collections.unmodifiableMap(new LinkedHashMap<>(feedbackByDomain));
    }

    public int feedback() {
        return rows.getOrDefault(DemoDataGenerator.FEEDBACK_FILE, 0);
    }
}
