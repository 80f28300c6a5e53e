package io.vocengine.engine.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Traditional to simplified Chinese (包裝 → 包装, 態度 → 态度), including Taiwan and Hong Kong word variants
 * (計程車 → 出租车, 資訊 → 信息), from HanLP's conversion dictionaries. HanLP's own converter returns only the
 * converted string; building the table here from the same dictionaries gives every replacement's span, so the
 * offset map stays exact. A TW/HK variant is applied only when it holds a traditional character, so simplified text
 * never changes. Stateless; the table is built once per JVM.
 */
public final class TraditionalToSimplifiedStep implements CleaningStep {
    private static final String DICTIONARIES = "/data/dictionary/tc/";

    @Override
    public String name() {
        return "t2s";
    }

    @Override
    public Rewrite apply(String text) {
        return Table.INSTANCE.rewrite(text);
    }

    private static final class Table {
        static final ReplacementTable INSTANCE = build();
    }

    private static ReplacementTable build() {
        Map<String, String> t2s = read("t2s.txt");
        Map<String, String> table = new HashMap<>(t2s);
        for (String variants : new String[]{"t2tw.txt", "t2hk.txt"}) {
            read(variants).forEach((traditional, variant) -> {
                String simplified = convert(traditional, t2s);
                if (hasTraditional(variant, t2s) && !simplified.equals(variant)) table.putIfAbsent(variant, simplified);
            });
        }
        return new ReplacementTable(table, null);
    }

    /** Character-level t2s of a dictionary phrase; longest-match is not needed for building the table. */
    private static String convert(String s, Map<String, String> t2s) {
        String whole = t2s.get(s);
        if (whole != null) return whole;
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String c = Character.toString(cp);
            sb.append(t2s.getOrDefault(c, c));
        });
        return sb.toString();
    }

    private static boolean hasTraditional(String s, Map<String, String> t2s) {
        return s.codePoints().anyMatch(cp -> t2s.containsKey(Character.toString(cp)));
    }

    private static Map<String, String> read(String file) {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = TraditionalToSimplifiedStep.class.getResourceAsStream(DICTIONARIES + file)) {
            if (in == null) throw new IllegalStateException("HanLP dictionary " + DICTIONARIES + file + " is missing from the classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                int eq = line.indexOf('=');
                if (eq > 0 && eq < line.length() - 1) map.put(line.substring(0, eq), line.substring(eq + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}
