package io.vocengine.eval;

import io.vocengine.eval.gold.GoldItem;
import io.vocengine.eval.gold.GoldJsonl;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoldJsonlTest {
    private static final Taxonomy T = TaxonomyLoader.loadShipped("ecommerce");

    @Test
    void readsTagsWithPolarityAndDefaultsToNeutral(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("g.jsonl"), """
                {"id":"a","text":"盒子压扁了","tags":[{"node":"ecommerce.logistics.packaging.damaged","polarity":"negative"}],"emotions":["anger"],"intensity":0.6}

                {"text":"物流","tags":[{"node":"ecommerce.logistics"}]}
                """);
        List<GoldItem> items = GoldJsonl.read(f, T);
        assertEquals(2, items.size());
        assertEquals(Map.of("ecommerce.logistics.packaging.damaged", Polarity.NEGATIVE), items.get(0).aspects());
        assertEquals("3", items.get(1).id()); // no id: its line number
        assertEquals(Polarity.NEUTRAL, items.get(1).aspects().get("ecommerce.logistics"));
    }

    @Test
    void everyProblemIsReportedWithItsLine(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.jsonl"), """
                {"text": 1}
                not json
                {"text":"x","tags":[{"node":"ecommerce.nope"}],"intensity":3}
                """);
        IOException e = assertThrows(IOException.class, () -> GoldJsonl.read(f, T));
        assertTrue(e.getMessage().contains("bad.jsonl:1: 'text' must be a string"), e.getMessage());
        assertTrue(e.getMessage().contains("bad.jsonl:2: not JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("bad.jsonl:3: unknown node 'ecommerce.nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("bad.jsonl:3: intensity must be a number in [0, 1]"), e.getMessage());
    }
}
