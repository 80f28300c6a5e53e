package io.vocengine.eval.datasets;

import io.vocengine.eval.gold.GoldItem;
import io.vocengine.taxonomy.Polarity;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ASAP (Meituan-Dianping, NAACL 2021) CSV: {@code index, reviewbody, star} and 18 aspect columns, a UTF-8 BOM, and
 * newlines inside quoted fields. Item ids are the {@code index} column, the row id of the full release.
 */
public final class Asap {
    public static final AspectMapping MAPPING = AspectMapping.load("asap");

    private Asap() {
    }

    public static List<GoldItem> read(Path csv) throws IOException {
        List<GoldItem> items = new ArrayList<>();
        for (CSVRecord rec : records(csv)) {
            Map<String, Polarity> aspects = new HashMap<>();
            for (String column : MAPPING.keys()) {
                Polarity p = AspectMapping.polarity(rec.get(column));
                if (p != null) aspects.put(MAPPING.node(column), p);
            }
            items.add(new GoldItem(rec.get("index"), rec.get("reviewbody"), aspects));
        }
        return items;
    }

    /** Each review with its star rating (1–5) as the label: the real signal intensity is validated against. */
    public static List<LabelledTexts.Item> stars(Path csv) throws IOException {
        List<LabelledTexts.Item> items = new ArrayList<>();
        for (CSVRecord rec : records(csv)) items.add(new LabelledTexts.Item(rec.get("index"), rec.get("reviewbody"), rec.get("star")));
        return items;
    }

    private static List<CSVRecord> records(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            int first = r.read(); // the BOM would otherwise become part of the first header name
            if (first != '\uFEFF') throw new IOException(csv.getFileName() + ": expected the ASAP files' UTF-8 BOM");
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }
}
