package io.vocengine.eval.datasets;

import io.vocengine.taxonomy.Polarity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset's aspect columns mapped onto taxonomy nodes, read from {@code mappings/<name>.tsv} beside this class:
 * {@code key <TAB> official column name <TAB> node id}, where the key is how the dataset addresses the column
 * (an index or a header). Immutable.
 */
public final class AspectMapping {
    private final String name;
    private final Map<String, String> nodeByKey;

    private AspectMapping(String name, Map<String, String> nodeByKey) {
        this.name = name;
        this.nodeByKey = nodeByKey;
    }

    public static AspectMapping load(String name) {
        String resource = "/io/vocengine/eval/mappings/" + name + ".tsv";
        try (InputStream in = AspectMapping.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no label mapping " + resource);
            Map<String, String> map = new LinkedHashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 3) throw new IllegalStateException(resource + ":" + lineNo + ": expected 3 columns");
                if (map.put(f[0], f[2]) != null) throw new IllegalStateException(resource + ":" + lineNo + ": duplicate " + f[0]);
            }
            return new AspectMapping(name, Collections.unmodifiableMap(map)); // keeps column order
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** A mapping that evaluates the given nodes as themselves (the harness's own gold files). */
    public static AspectMapping identity(String name, List<String> nodes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String n : nodes) map.put(n, n);
        return new AspectMapping(name, Collections.unmodifiableMap(map));
    }

    public String name() {
        return name;
    }

    /** Column keys in file order. */
    public List<String> keys() {
        return new ArrayList<>(nodeByKey.keySet());
    }

    /** Node ids in column order. */
    public List<String> nodes() {
        return new ArrayList<>(nodeByKey.values());
    }

    public String node(String key) {
        String node = nodeByKey.get(key);
        if (node == null) throw new IllegalArgumentException(name + ": unknown aspect column " + key);
        return node;
    }

    /** The datasets' shared label code: -2 not mentioned (null), -1 negative, 0 neutral, 1 positive. */
    public static Polarity polarity(String label) {
        return switch (label.trim().replaceFirst("\\.0$", "")) {
            case "-2" -> null;
            case "-1" -> Polarity.NEGATIVE;
            case "0" -> Polarity.NEUTRAL;
            case "1" -> Polarity.POSITIVE;
            default -> throw new IllegalArgumentException("aspect label must be -2, -1, 0 or 1: " + label);
        };
    }
}
