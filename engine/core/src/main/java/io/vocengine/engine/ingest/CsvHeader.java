package io.vocengine.engine.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A CSV header row: the column names and the {@link FeedbackField} each column sets. An explicit column map entry
 * wins; other fields take the first column matching one of their {@link FeedbackField#csvHeaders()} (any case).
 * Columns no field takes go to metadata under their header name. Immutable.
 */
final class CsvHeader {
    private static final int MAX_LISTED = 30;
    private static final int MAX_NAME = 40;

    private final List<String> names;
    private final FeedbackField[] fields; // per column; null: metadata

    private CsvHeader(List<String> names, FeedbackField[] fields) {
        this.names = names;
        this.fields = fields;
    }

    /**
     * @param columnMap canonical field key -> column name, as in {@link IngestOptions#columnMap()}
     * @throws IngestException when no column holds the text, a mapped column is missing, or two columns share a name
     */
    static CsvHeader of(String input, String[] cells, Map<String, String> columnMap) throws IngestException {
        List<String> names = new ArrayList<>(cells.length);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
            String name = cells[i].isBlank() ? "column" + (i + 1) : cells[i].trim();
            Integer earlier = index.putIfAbsent(lower(name), i);
            if (earlier != null) {
                throw new IngestException(input + " has two columns named " + name + " (columns " + (earlier + 1)
                        + " and " + (i + 1) + "); rename one");
            }
            names.add(name);
        }
        FeedbackField[] fields = new FeedbackField[cells.length];
        for (Map.Entry<String, String> e : columnMap.entrySet()) {
            FeedbackField field = FeedbackField.fromName(e.getKey()).orElseThrow();
            Integer column = index.get(lower(e.getValue()));
            if (column == null) {
                throw new IngestException("--map " + field.key() + "=" + e.getValue() + ": " + input
                        + " has no such column; its columns are [" + list(names) + "]");
            }
            if (fields[column] != null) {
                throw new IngestException("--map sets column " + e.getValue() + " of " + input + " as both "
                        + fields[column].key() + " and " + field.key());
            }
            fields[column] = field;
        }
        for (FeedbackField field : FeedbackField.values()) {
            if (!columnMap.containsKey(field.key())) takeFirstAlias(field, index, fields);
        }
        if (!Arrays.asList(fields).contains(FeedbackField.TEXT)) {
            throw new IngestException(input + " has no text column; its columns are [" + list(names)
                    + "]; pass --map text=<column>");
        }
        return new CsvHeader(List.copyOf(names), fields);
    }

    int size() {
        return names.size();
    }

    /** The column's header name; "cell N" past the header's end. */
    String name(int column) {
        return column < names.size() ? names.get(column) : "cell " + (column + 1);
    }

    /** The names, comma-separated and shortened, for messages. */
    String describe() {
        return list(names);
    }

    /**
     * The row as the JSON object {@link FeedbackJson} reads: mapped cells under their field keys, the others in a
     * {@code metadata} object under their column names. Cells must match the header one to one.
     */
    ObjectNode toJson(String[] cells) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = null;
        for (int i = 0; i < cells.length; i++) {
            if (fields[i] != null) {
                node.put(fields[i].key(), cells[i]);
            } else {
                if (metadata == null) metadata = node.putObject("metadata");
                metadata.put(names.get(i), cells[i]);
            }
        }
        return node;
    }

    private static void takeFirstAlias(FeedbackField field, Map<String, Integer> index, FeedbackField[] fields) {
        for (String alias : field.csvHeaders()) {
            Integer column = index.get(lower(alias));
            if (column != null && fields[column] == null) {
                fields[column] = field;
                return;
            }
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String list(List<String> names) {
        String shown = names.stream().limit(MAX_LISTED)
                .map(n -> n.length() <= MAX_NAME ? n : n.substring(0, MAX_NAME) + "…")
                .collect(Collectors.joining(", "));
        return names.size() <= MAX_LISTED ? shown : shown + ", … (" + (names.size() - MAX_LISTED) + " more)";
    }
}
