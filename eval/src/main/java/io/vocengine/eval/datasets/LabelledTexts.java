package io.vocengine.eval.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adapters for the document-level datasets: polarity (online-shopping-10-cats, waimai-10k) and emotion (NLPCC 2013,
 * SMP2020-EWECT), each read into {@link Item}s whose label is already mapped onto our ids through a mapping file in
 * {@code mappings/} (emotion ids: models/EMOTIONS.md). Row ids follow the split lists: 0-based data rows, or
 * {@code <file>#<id>} for SMP2020.
 */
public final class LabelledTexts {
    public record Item(String id, String text, String label) {
    }

    private LabelledTexts() {
    }

    public static List<Item> onlineShopping(Path csv) throws IOException {
        return csv(csv, "review", "label", mapping("binary-polarity"));
    }

    public static List<Item> waimai(Path csv) throws IOException {
        return csv(csv, "review", "label", mapping("binary-polarity"));
    }

    public static List<Item> nlpcc2013(Path csv) throws IOException {
        return csv(csv, "文本", "标签", mapping("nlpcc2013"));
    }

    /** One SMP2020-EWECT file (a JSON array of {id, content, label}). */
    public static List<Item> smp2020(Path file) throws IOException {
        Map<String, String> map = mapping("smp2020");
        List<Item> out = new ArrayList<>();
        for (JsonNode o : new ObjectMapper().readTree(file.toFile())) {
            out.add(new Item(file.getFileName() + "#" + o.get("id").asInt(), o.get("content").asText(),
                    mapped(map, o.get("label").asText(), file)));
        }
        return out;
    }

    /** The items whose row ids are listed (a committed split). */
    public static List<Item> select(List<Item> items, List<Integer> rows) {
        List<Item> out = new ArrayList<>(rows.size());
        for (int r : rows) out.add(items.get(r));
        return out;
    }

    private static List<Item> csv(Path file, String textColumn, String labelColumn, Map<String, String> map) throws IOException {
        List<Item> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int row = 0;
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(new Item(String.valueOf(row++), rec.get(textColumn), mapped(map, rec.get(labelColumn), file)));
            }
        }
        return out;
    }

    private static String mapped(Map<String, String> map, String label, Path file) throws IOException {
        String m = map.get(label.trim());
        if (m == null) throw new IOException(file.getFileName() + ": label '" + label + "' has no mapping; known: " + map.keySet());
        return m;
    }

    /** A two-column label mapping from {@code mappings/<name>.tsv}. */
    static Map<String, String> mapping(String name) {
        String resource = "/io/vocengine/eval/mappings/" + name + ".tsv";
        try (InputStream in = LabelledTexts.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no label mapping " + resource);
            Map<String, String> map = new LinkedHashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                map.put(f[0], f[1]);
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
