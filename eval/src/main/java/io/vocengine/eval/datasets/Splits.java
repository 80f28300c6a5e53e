package io.vocengine.eval.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The fixed train/dev/test splits of the datasets that come as one file, chosen once with {@link #SEED} and
 * committed as id lists under {@code eval/splits/<dataset>/{train,dev,test}.txt} (row ids as in the cleaning gold
 * set: 0-based data-row index in file order). Models train on train, tune on dev, and are scored on test only.
 */
public final class Splits {
    public static final long SEED = 20261122L;
    public static final List<String> NAMES = List.of("train", "dev", "test");

    private Splits() {
    }

    /** 80 / 10 / 10 of {@code rows} row ids, shuffled with the seed, each part sorted. */
    public static Map<String, List<Integer>> of(int rows) {
        List<Integer> ids = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) ids.add(i);
        Collections.shuffle(ids, new Random(SEED));
        int train = (int) Math.round(rows * 0.8), dev = (int) Math.round(rows * 0.1);
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        out.put("train", sorted(ids.subList(0, train)));
        out.put("dev", sorted(ids.subList(train, train + dev)));
        out.put("test", sorted(ids.subList(train + dev, rows)));
        return out;
    }

    /** Reads a committed split: one row id per line. */
    public static List<Integer> read(Path dir, String split) throws IOException {
        return Files.readAllLines(dir.resolve(split + ".txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(Integer::parseInt).toList();
    }

    public static void write(Path dir, Map<String, List<Integer>> splits) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, List<Integer>> e : splits.entrySet()) {
            StringBuilder sb = new StringBuilder();
            for (int id : e.getValue()) sb.append(id).append('\n');
            Files.writeString(dir.resolve(e.getKey() + ".txt"), sb.toString(), StandardCharsets.UTF_8);
        }
    }

    private static List<Integer> sorted(List<Integer> ids) {
        List<Integer> out = new ArrayList<>(ids);
        Collections.sort(out);
        return out;
    }
}
