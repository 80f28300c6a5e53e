package io.vocengine.engine.demo;

import io.vocengine.engine.Engine;
import io.vocengine.engine.TestEngines;
import io.vocengine.engine.ingest.IngestOptions;
import io.vocengine.engine.ingest.IngestRecord;
import io.vocengine.engine.ingest.IngestSource;
import io.vocengine.engine.ingest.Sources;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Tag;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton against the planted effects: the real engine (not a stand-in matcher) reading the generated
 * feedback must see packaging-damage complaints concentrate on damaged deliveries and slow-delivery complaints on
 * late ones, at about the planted sizes.
 */
class DemoThroughEngineTest {
    @Test
    void realTaggerRecoversPlantedDeliveryEffects(@TempDir Path dir) throws IOException {
        new DemoDataGenerator(DemoConfig.of(7, 20_000)).generate(dir);
        Engine engine = TestEngines.shared();
        Map<String, Set<String>> tagsByOrder = new HashMap<>();
        try (IngestSource src = Sources.open(dir.resolve(DemoDataGenerator.FEEDBACK_FILE), IngestOptions.defaults())) {
            for (IngestRecord r; (r = src.next()) != null; ) {
                Feedback f = ((IngestRecord.Parsed) r).feedback();
                if (f.orderId() == null) continue;
                Set<String> tags = tagsByOrder.computeIfAbsent(f.orderId(), k -> new HashSet<>());
                for (Tag t : engine.analyse(f).tagging().tags()) tags.add(t.nodeId());
            }
        }
        long[] damaged = new long[2], packaging = new long[2], late = new long[2], slow = new long[2];
        try (Reader in = Files.newBufferedReader(dir.resolve("deliveries.csv"))) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Set<String> tags = tagsByOrder.getOrDefault(row.get("order_id"), Set.of());
                int d = Boolean.parseBoolean(row.get("damaged")) ? 1 : 0;
                int l = Integer.parseInt(row.get("wait_days")) > PlantedEffects.LATE_THRESHOLD_DAYS ? 1 : 0;
                damaged[d]++;
                late[l]++;
                if (tags.contains("ecommerce.logistics.packaging.damaged")) packaging[d]++;
                if (tags.contains("ecommerce.logistics.speed.slow")) slow[l]++;
            }
        }
        double packagingDamaged = (double) packaging[1] / damaged[1];
        double packagingIntact = (double) packaging[0] / damaged[0];
        double slowRatio = ((double) slow[1] / late[1]) / ((double) slow[0] / late[0]);
        String seen = String.format("packaging %.3f vs %.3f, slow ratio %.2f", packagingDamaged, packagingIntact, slowRatio);
        assertTrue(packagingDamaged > 0.45 && packagingDamaged < 0.70, seen);
        assertTrue(packagingIntact < 0.03, seen);
        assertTrue(slowRatio > 2.2 && slowRatio < 4.0, seen);
    }
}
