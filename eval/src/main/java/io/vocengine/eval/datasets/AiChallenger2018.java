package io.vocengine.eval.datasets;

import io.vocengine.eval.gold.GoldItem;
import io.vocengine.taxonomy.Polarity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AI Challenger 2018 fine-grained sentiment in the subset's layout ({@code train2.tsv}, {@code dev2.tsv}): per line
 * {@code 0_-2,1_1,...,19_-2 <TAB> text}. Item ids are {@code <file>:<line>}, 1-based, as the files have no ids.
 */
public final class AiChallenger2018 {
    public static final AspectMapping MAPPING = AspectMapping.load("aichallenger2018");

    private AiChallenger2018() {
    }

    public static List<GoldItem> read(Path tsv) throws IOException {
        List<GoldItem> items = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) continue;
            int tab = line.indexOf('\t');
            if (tab < 0) throw new IOException(tsv.getFileName() + ":" + lineNo + ": no TAB between labels and text");
            Map<String, Polarity> aspects = new HashMap<>();
            for (String cell : line.substring(0, tab).split(",")) {
                int us = cell.indexOf('_');
                if (us < 0) throw new IOException(tsv.getFileName() + ":" + lineNo + ": bad label cell " + cell);
                Polarity p = AspectMapping.polarity(cell.substring(us + 1));
                if (p != null) aspects.put(MAPPING.node(cell.substring(0, us)), p);
            }
            items.add(new GoldItem(tsv.getFileName() + ":" + lineNo, line.substring(tab + 1), aspects));
        }
        return items;
    }
}
