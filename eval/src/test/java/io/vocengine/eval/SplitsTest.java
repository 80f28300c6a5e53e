package io.vocengine.eval;

import io.vocengine.engine.testdata.SharedData;
import io.vocengine.eval.datasets.Splits;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed split id lists are exactly what the seed gives for each dataset's row count: disjoint, complete,
 * and unchanged. {@code -Dsplits.write=true} (re)writes them, which should happen once, never after tuning.
 */
@Tag(SharedData.TAG)
class SplitsTest {
    private static final Map<String, String> ONE_FILE_DATASETS = Map.of(
            "online-shopping-10-cats", "online-shopping-10-cats/online_shopping_10_cats.csv",
            "waimai-10k", "waimai-10k/waimai_10k.csv",
            "nlpcc2013-weibo-emotion", "nlpcc2013-weibo-emotion/Nlpcc2013Train.tsv");

    @Test
    void committedSplitsAreTheSeededOnes() throws IOException {
        for (Map.Entry<String, String> d : ONE_FILE_DATASETS.entrySet()) {
            int rows = rows(SharedData.require(d.getValue()));
            Map<String, List<Integer>> expected = Splits.of(rows);
            Path dir = SharedData.repoRoot().resolve("eval/splits").resolve(d.getKey());
            if (Boolean.getBoolean("splits.write")) Splits.write(dir, expected);
            Set<Integer> all = new HashSet<>();
            for (String split : Splits.NAMES) {
                List<Integer> committed = Splits.read(dir, split);
                assertEquals(expected.get(split), committed, d.getKey() + "/" + split + " differs from the seeded split");
                for (int id : committed) assertTrue(all.add(id), d.getKey() + ": row " + id + " in two splits");
            }
            assertEquals(rows, all.size(), d.getKey() + ": the splits must cover every row");
        }
    }

    /** Data rows (header excluded), parsed as RFC 4180 so quoted newlines do not count. */
    private static int rows(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            int n = 0;
            for (CSVRecord ignored : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) n++;
            return n;
        }
    }
}
