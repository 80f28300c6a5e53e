package io.vocengine.engine.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the editable, tab-separated rule files shipped next to the checks in this package. Lines starting with
 * {@code #} and blank lines are skipped; every other line must have between {@code minColumns} and
 * {@code maxColumns} columns, else loading fails with the line number.
 */
final class RuleFile {
    private RuleFile() {
    }

    static List<String[]> read(String resource, int minColumns, int maxColumns) {
        try (InputStream in = RuleFile.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " missing from the engine jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] columns = line.split("\t");
                if (columns.length < minColumns || columns.length > maxColumns) {
                    throw new IllegalStateException(resource + " line " + lineNo + ": expected " + minColumns + " to "
                            + maxColumns + " tab-separated columns, got " + columns.length);
                }
                rows.add(columns);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
