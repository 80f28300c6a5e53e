package io.vocengine.taxonomy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Reads a taxonomy YAML file (format: taxonomy/FORMAT.md) into a validated {@link Taxonomy}.
 * Nodes are read one at a time from the token stream so that every error can name the node's line.
 * Stateless and thread-safe.
 */
public final class TaxonomyLoader {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> NODE_FIELDS = Set.of("id", "parent", "name", "description", "polarity",
            "priority", "terms", "aspects", "opinions", "regex", "exclude", "opposite", "examples");
    private static final Set<String> HEADER_FIELDS = Set.of("id", "name", "description");

    private TaxonomyLoader() {
    }

    public static Taxonomy load(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read taxonomy file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a taxonomy shipped on the classpath under {@code taxonomies/}. */
    public static Taxonomy loadShipped(String name) {
        String resource = "taxonomies/" + name + ".yaml";
        try (InputStream in = TaxonomyLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no shipped taxonomy named '" + name + "' (" + resource + ")");
            return parse("classpath:" + resource, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Taxonomy parse(String source, byte[] bytes) {
        List<String> problems = new ArrayList<>();
        List<RawNode> raw = new ArrayList<>();
        JsonNode header = null;
        try (JsonParser p = YAML.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new TaxonomyException(source, List.of("line 1: expected a mapping with 'taxonomy' and 'nodes'"));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                int line = p.currentTokenLocation().getLineNr();
                switch (field) {
                    case "taxonomy" -> header = p.readValueAsTree();
                    case "nodes" -> {
                        if (value != JsonToken.START_ARRAY) {
                            problems.add("line " + line + ": 'nodes' must be a list");
                            p.skipChildren();
                            continue;
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            int nodeLine = p.currentTokenLocation().getLineNr();
                            raw.add(new RawNode(nodeLine, p.readValueAsTree()));
                        }
                    }
                    default -> {
                        problems.add("line " + line + ": unknown top-level key '" + field + "' (expected taxonomy, nodes)");
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            throw new TaxonomyException(source, List.of("not valid YAML: " + e.getMessage()));
        }
        if (header == null || !header.isObject()) {
            throw new TaxonomyException(source, List.of("missing 'taxonomy:' header with id and name"));
        }
        String taxonomyId = text(header, "id");
        if (taxonomyId == null || !taxonomyId.matches("[a-z][a-z0-9_]*")) {
            problems.add("taxonomy.id must be lower-case letters, digits or _ (got '" + taxonomyId + "')");
            taxonomyId = "invalid";
        }
        header.fieldNames().forEachRemaining(f -> {
            if (!HEADER_FIELDS.contains(f)) problems.add("taxonomy: unknown key '" + f + "'");
        });
        List<TaxonomyNode> nodes = new ArrayList<>();
        for (RawNode r : raw) {
            TaxonomyNode n = toNode(taxonomyId, r, problems);
            if (n != null) nodes.add(n);
        }
        problems.addAll(TaxonomyValidator.validate(nodes));
        if (!problems.isEmpty()) throw new TaxonomyException(source, problems);
        return new Taxonomy(taxonomyId, text(header, "name"), hash(bytes), source, nodes);
    }

    private static TaxonomyNode toNode(String taxonomyId, RawNode r, List<String> problems) {
        JsonNode j = r.json;
        String lineRef = "line " + r.line;
        if (!j.isObject()) {
            problems.add(lineRef + ": a node must be a mapping");
            return null;
        }
        j.fieldNames().forEachRemaining(f -> {
            if (!NODE_FIELDS.contains(f)) problems.add(lineRef + ": node has unknown key '" + f + "' (allowed: " + NODE_FIELDS + ")");
        });
        String localId = text(j, "id");
        if (localId == null || !localId.matches("[a-z0-9_]+(\\.[a-z0-9_]+)*")) {
            problems.add(lineRef + ": node id must be dotted lower-case words, e.g. logistics.packaging (got '" + localId + "')");
            return null;
        }
        String where = lineRef + " node '" + localId + "'";
        String parent = text(j, "parent");
        Polarity polarity = null;
        if (j.hasNonNull("polarity")) {
            polarity = Polarity.parse(j.get("polarity").asText());
            if (polarity == null) problems.add(where + ": polarity must be positive, negative or neutral");
        }
        int priority = 0;
        if (j.hasNonNull("priority")) {
            if (!j.get("priority").canConvertToInt()) problems.add(where + ": priority must be an integer");
            else priority = j.get("priority").asInt();
        }
        NodeRules rules = new NodeRules(priority, strings(j, "terms", where, problems), strings(j, "aspects", where, problems),
                strings(j, "opinions", where, problems), strings(j, "regex", where, problems),
                strings(j, "exclude", where, problems), text(j, "opposite") == null ? null : taxonomyId + "." + text(j, "opposite"));
        JsonNode ex = j.path("examples");
        NodeExamples examples = new NodeExamples(strings(ex, "positive", where, problems), strings(ex, "negative", where, problems));
        return new TaxonomyNode(taxonomyId + "." + localId, localId, parent == null ? null : taxonomyId + "." + parent,
                text(j, "name"), text(j, "description"), polarity, rules, examples, r.line);
    }

    private static List<String> strings(JsonNode j, String field, String where, List<String> problems) {
        JsonNode v = j.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) {
            problems.add(where + ": '" + field + "' must be a list of strings");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isValueNode() || e.asText().isBlank()) problems.add(where + ": '" + field + "' has an empty or non-text entry");
            else out.add(e.asText().trim());
        }
        return out;
    }

    private static String text(JsonNode j, String field) {
        JsonNode v = j.get(field);
        return v == null || v.isNull() ? null : v.asText().trim();
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private record RawNode(int line, JsonNode json) {
    }
}
