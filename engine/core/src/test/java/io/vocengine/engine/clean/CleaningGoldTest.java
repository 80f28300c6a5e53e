package io.vocengine.engine.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocengine.engine.dedup.Deduplicator;
import io.vocengine.engine.dedup.NearDuplicateIndex;
import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Flag;
import io.vocengine.engine.testdata.SharedData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Measures the cleaner against the hand-labelled set in {@code eval/gold/cleaning/labels.tsv} (rules in
 * LABELING.md beside it). The labels hold only pointers (dataset + row id); the texts are read from the public
 * datasets in the shared data folder. Figures are computed on the {@code test} split and held to a regression floor;
 * {@code -Dgold.show=dev} lists the dev split's misses for tuning.
 */
@Tag("shared-data")
class CleaningGoldTest {
    static final String SPAM_AD = "SPAM_AD";
    static final String FILLER = "FILLER";

    record Label(String dataset, String rowId, boolean spam, boolean filler, String duplicateOf, List<String> pii,
                 String split) {
    }

    @Test
    void cleanerAgainstGoldLabels() throws IOException {
        Path shopping = SharedData.require("online-shopping-10-cats/online_shopping_10_cats.csv");
        Path waimai = SharedData.require("waimai-10k/waimai_10k.csv");
        Path smp = SharedData.require("smp2020-ewect");
        List<Label> labels = readLabels(SharedData.repoRoot().resolve("eval/gold/cleaning/labels.tsv"));
        assertTrue(labels.size() >= 300, "expected at least 300 labelled items, got " + labels.size());

        Map<String, List<String>> csvTexts = new HashMap<>();
        csvTexts.put("online-shopping-10-cats", readCsvColumn(shopping, "review"));
        csvTexts.put("waimai-10k", readCsvColumn(waimai, "review"));
        // Row ids are positions, so the readers must see exactly the documented row counts.
        assertEquals(62774, csvTexts.get("online-shopping-10-cats").size(), "online-shopping-10-cats rows");
        assertEquals(11987, csvTexts.get("waimai-10k").size(), "waimai-10k rows");
        Map<String, Map<Integer, String>> smpFiles = new HashMap<>();

        // Every labelled item and every duplicate_of target must exist.
        Map<Label, String> texts = new HashMap<>();
        int pairs = 0;
        for (Label l : labels) {
            texts.put(l, text(l.dataset(), l.rowId(), csvTexts, smpFiles, smp));
            if (!l.duplicateOf().isEmpty()) {
                assertTrue(!l.duplicateOf().equals(l.rowId()), "item marked duplicate of itself: " + l);
                text(l.dataset(), l.duplicateOf(), csvTexts, smpFiles, smp);
                pairs++;
            }
        }

        CleanStage stage = new CleanStage(CleanStage.defaultSteps(), CleanStage.defaultChecks(), 10000);
        Counts spam = new Counts(), filler = new Counts(), pii = new Counts();
        boolean spamSeen = false, fillerSeen = false;
        int testItems = 0;
        for (Label l : labels) {
            CleanText clean = stage.clean(texts.get(l));
            boolean flaggedSpam = has(clean, SPAM_AD), flaggedFiller = has(clean, FILLER);
            spamSeen |= flaggedSpam;
            fillerSeen |= flaggedFiller;
            // -Dgold.show=dev lists the dev split's misses for rule tuning; never tune on the test split.
            if (l.split().equals(System.getProperty("gold.show")) && (l.spam() != flaggedSpam || l.filler() != flaggedFiller)) {
                System.out.printf(Locale.ROOT, "MISS %s/%s spam %s→%s filler %s→%s %s | %s%n", l.dataset(), l.rowId(),
                        l.spam(), flaggedSpam, l.filler(), flaggedFiller, clean.flags(), oneLine(texts.get(l)));
            }
            if (!l.split().equals("test")) continue;
            testItems++;
            spam.add(l.spam(), flaggedSpam);
            filler.add(l.filler(), flaggedFiller);
            pii.add(!l.pii().isEmpty(), !clean.pii().isEmpty());
        }
        Counts duplicate = duplicates(labels, stage, csvTexts, smpFiles, smp);
        System.out.printf(Locale.ROOT, "Cleaning gold set: %d items (%d test), %d duplicate pairs checked%n",
                labels.size(), testItems, pairs);
        System.out.println("label      gold+  tp  fp  fn  precision  recall");
        spam.print("SPAM_AD");
        filler.print("FILLER");
        pii.print("PII");
        duplicate.print("DUPLICATE");

        // Regression gate at the level measured on the test split (issue 3 targets, not yet reached: spam/ad
        // precision >= 0.90 and recall >= 0.80). Raise these floors as the rules improve; never lower them.
        assertTrue(spamSeen && fillerSeen, "the SPAM_AD and FILLER checks must be registered");
        assertTrue(spam.precision() >= 0.78, "SPAM_AD precision " + spam.precision());
        assertTrue(spam.recall() >= 0.50, "SPAM_AD recall " + spam.recall());
        assertTrue(filler.precision() >= 0.75 && filler.recall() >= 0.45, "FILLER " + filler.precision() + "/" + filler.recall());
        assertTrue(pii.precision() >= 0.95 && pii.recall() >= 0.80, "PII " + pii.precision() + "/" + pii.recall());
        assertTrue(duplicate.recall() >= DUPLICATE_RECALL_FLOOR, "DUPLICATE recall " + duplicate.recall());
    }

    static final double DUPLICATE_RECALL_FLOOR = 0.95;

    /**
     * Runs each labelled dataset through the near-duplicate index in its documented order, as a batch run would,
     * and scores the test items: a gold duplicate counts when it lands in its original's cluster. Precision is a
     * lower bound: the gold set labels exact copies only (LABELING.md), so a near-copy found is counted false.
     */
    private static Counts duplicates(List<Label> labels, CleanStage stage, Map<String, List<String>> csvTexts,
                                     Map<String, Map<Integer, String>> smpFiles, Path smpDir) throws IOException {
        for (String file : SMP_FILES_IN_ORDER) text("smp2020-ewect", file + "#1", csvTexts, smpFiles, smpDir);
        Map<String, Map<String, String>> clusterByRow = new HashMap<>();
        for (String dataset : List.of("online-shopping-10-cats", "waimai-10k", "smp2020-ewect")) {
            Map<String, String> rows = new LinkedHashMap<>();
            if (dataset.equals("smp2020-ewect")) {
                for (String file : SMP_FILES_IN_ORDER) smpFiles.get(file).forEach((id, t) -> rows.put(file + "#" + id, t));
            } else {
                List<String> texts = csvTexts.get(dataset);
                for (int i = 0; i < texts.size(); i++) rows.put(String.valueOf(i), texts.get(i));
            }
            NearDuplicateIndex index = new NearDuplicateIndex(Deduplicator.DEFAULT_THRESHOLD);
            Map<String, String> clusters = new HashMap<>();
            rows.forEach((row, t) -> clusters.put(row, index.observe(row, t, stage.clean(t)).clusterId()));
            clusterByRow.put(dataset, clusters);
        }
        Counts counts = new Counts();
        for (Label l : labels) {
            Map<String, String> clusters = clusterByRow.get(l.dataset());
            String cluster = clusters.get(l.rowId());
            boolean gold = !l.duplicateOf().isEmpty();
            boolean copy = !cluster.equals(l.rowId());
            if (l.split().equals(System.getProperty("gold.show")) && gold != copy) {
                System.out.printf(Locale.ROOT, "MISS %s/%s duplicate_of '%s' → cluster %s | %s | %s%n", l.dataset(),
                        l.rowId(), l.duplicateOf(), cluster, oneLine(text(l.dataset(), l.rowId(), csvTexts, smpFiles, smpDir)),
                        oneLine(text(l.dataset(), cluster, csvTexts, smpFiles, smpDir)));
            }
            if (!l.split().equals("test")) continue;
            counts.add(gold, gold ? cluster.equals(clusters.get(l.duplicateOf())) : copy);
        }
        return counts;
    }

    private static final List<String> SMP_FILES_IN_ORDER = List.of("usual_eval_labeled.txt", "usual_test_labeled.txt",
            "virus_eval_labeled.txt", "virus_test_labeled.txt", "virus_train.txt");

    private static String oneLine(String text) {
        String t = text.replace('\n', ' ');
        return t.substring(0, Math.min(120, t.length()));
    }

    private static boolean has(CleanText clean, String code) {
        for (Flag f : clean.flags()) if (f.code().equals(code)) return true;
        return false;
    }

    static final class Counts {
        int tp, fp, fn, gold;

        void add(boolean gold, boolean predicted) {
            if (gold) this.gold++;
            if (gold && predicted) tp++;
            else if (predicted) fp++;
            else if (gold) fn++;
        }

        double precision() {
            return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        }

        double recall() {
            return gold == 0 ? Double.NaN : (double) tp / gold;
        }

        void print(String name) {
            System.out.printf(Locale.ROOT, "%-9s %6d %3d %3d %3d  %9.3f  %6.3f%n", name, gold, tp, fp, fn,
                    precision(), recall());
        }
    }

    private static String text(String dataset, String rowId, Map<String, List<String>> csvTexts,
                               Map<String, Map<Integer, String>> smpFiles, Path smpDir) throws IOException {
        if (dataset.equals("smp2020-ewect")) {
            int hash = rowId.indexOf('#');
            if (hash < 0) fail("smp row id must be <file>#<id>: " + rowId);
            String file = rowId.substring(0, hash);
            Map<Integer, String> byId = smpFiles.get(file);
            if (byId == null) {
                byId = new TreeMap<>(); // by id: the documented order of the file's rows
                JsonNode array = new ObjectMapper().readTree(smpDir.resolve(file).toFile());
                for (JsonNode o : array) byId.put(o.get("id").asInt(), o.get("content").asText());
                smpFiles.put(file, byId);
            }
            String t = byId.get(Integer.parseInt(rowId.substring(hash + 1)));
            if (t == null) fail("no such row: " + dataset + " " + rowId);
            return t;
        }
        List<String> rows = csvTexts.get(dataset);
        if (rows == null) fail("unknown dataset " + dataset);
        int i = Integer.parseInt(rowId);
        if (i < 0 || i >= rows.size()) fail("no such row: " + dataset + " " + rowId);
        return rows.get(i);
    }

    /** Data rows in file order (0-based, header excluded), the named column. */
    private static List<String> readCsvColumn(Path file, String column) throws IOException {
        List<String> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(rec.get(column));
            }
        }
        return out;
    }

    private static List<Label> readLabels(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        assertEquals(List.of("dataset", "row_id", "spam_ad", "filler", "duplicate_of", "pii", "note", "SPLIT"), header);
        List<Label> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] c = line.split("\t", -1);
            assertEquals(8, c.length, "bad label line: " + line);
            List<String> pii = c[5].isEmpty() ? List.of() : List.of(c[5].split(","));
            out.add(new Label(c[0], c[1], c[2].equals("1"), c[3].equals("1"), c[4], pii, c[7]));
        }
        return out;
    }
}
