package io.vocengine.eval.gold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's own gold format, JSON Lines, one labelled text per line (see eval/README.md, "Gold format"):
 * <pre>{"id": "r1", "text": "快递把盒子压扁了", "tags": [{"node": "ecommerce.logistics.packaging.damaged",
 *  "polarity": "negative"}], "emotions": ["anger"], "intensity": 0.7}</pre>
 * {@code tags} (node ids of the given taxonomy, polarity optional) is what tagging is scored on; {@code emotions}
 * and {@code intensity} are read by the emotion evaluation. Every problem is reported with its line.
 */
public final class GoldJsonl {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldJsonl() {
    }

    public static List<GoldItem> read(Path file, Taxonomy taxonomy) throws IOException {
        List<GoldItem> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) continue;
            String at = file.getFileName() + ":" + lineNo + ": ";
            JsonNode j;
            try {
                j = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                problems.add(at + "not JSON: " + e.getOriginalMessage());
                continue;
            }
            if (!j.path("text").isTextual()) {
                problems.add(at + "'text' must be a string");
                continue;
            }
            Map<String, Polarity> aspects = new HashMap<>();
            for (JsonNode t : j.path("tags")) {
                String node = t.path("node").asText();
                if (!taxonomy.nodes().containsKey(node)) {
                    problems.add(at + "unknown node '" + node + "' in " + taxonomy.version());
                    continue;
                }
                Polarity p = t.hasNonNull("polarity") ? Polarity.parse(t.get("polarity").asText()) : Polarity.NEUTRAL;
                if (p == null) problems.add(at + "polarity must be positive, negative or neutral");
                else aspects.put(node, p);
            }
            if (j.has("intensity") && !(j.get("intensity").isNumber() && j.get("intensity").asDouble() >= 0
                    && j.get("intensity").asDouble() <= 1)) {
                problems.add(at + "intensity must be a number in [0, 1]");
            }
            items.add(new GoldItem(j.path("id").asText(String.valueOf(lineNo)), j.get("text").asText(), aspects));
        }
        if (!problems.isEmpty()) {
            throw new IOException("gold file " + file + " has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
        return items;
    }
}
