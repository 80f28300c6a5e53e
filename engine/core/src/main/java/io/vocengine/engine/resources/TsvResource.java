package io.vocengine.engine.resources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the engine's editable, tab-separated resources (lexicons, slang, emoji cues) from the classpath. Blank lines
 * and lines starting with '#' are skipped; a line with the wrong number of columns fails loading with its line number,
 * so an analyst's edit error shows at start-up, not as a silently ignored entry.
 */
public final class TsvResource {
    private TsvResource() {
    }

    /** Rows of exactly {@code columns} cells. @param owner the class whose package holds the resource */
    public static List<String[]> read(Class<?> owner, String name, int columns) {
        return read(owner, name, columns, columns);
    }

    /** Rows of {@code minColumns} to {@code maxColumns} cells (trailing optional columns may be left out). */
    public static List<String[]> read(Class<?> owner, String name, int minColumns, int maxColumns) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the engine jar (" + owner.getPackageName() + ")");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length < minColumns || f.length > maxColumns) {
                    throw new IllegalStateException(name + " line " + lineNo + ": expected " + minColumns
                            + (maxColumns > minColumns ? " to " + maxColumns : "") + " tab-separated columns, found "
                            + f.length + ": " + line);
                }
                for (int i = 0; i < f.length; i++) f[i] = f[i].strip();
                rows.add(f);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
