package io.vocengine.eval;

import io.vocengine.eval.gold.GoldItem;
import io.vocengine.eval.metrics.PairedComparison;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedComparisonTest {
    private static final Taxonomy T = TaxonomyLoader.loadShipped("restaurant");
    private static final String TASTE = "restaurant.dish.taste", PORTION = "restaurant.dish.portion";

    @Test
    void identicalRunsDoNotDifferAndAClearGainIsSignificant() {
        List<GoldItem> gold = new ArrayList<>();
        List<Map<String, Polarity>> weak = new ArrayList<>(), strong = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            gold.add(new GoldItem("g" + i, "", Map.of(TASTE, Polarity.POSITIVE, PORTION, Polarity.NEGATIVE)));
            strong.add(Map.of(TASTE, Polarity.POSITIVE, PORTION, Polarity.NEGATIVE));
            weak.add(i % 2 == 0 ? Map.of(TASTE, Polarity.POSITIVE) : Map.of(TASTE, Polarity.POSITIVE, PORTION, Polarity.NEGATIVE));
        }
        List<String> nodes = List.of(TASTE, PORTION);
        for (PairedComparison.Change c : PairedComparison.compare(T, nodes, gold, weak, weak, 200, 1)) {
            assertEquals(0, c.delta());
            assertEquals(1.0, c.pValue());
        }
        List<PairedComparison.Change> changes = PairedComparison.compare(T, nodes, gold, weak, strong, 200, 1);
        PairedComparison.Change portion = changes.stream().filter(c -> c.node().equals(PORTION)).findFirst().orElseThrow();
        assertEquals(2.0 / 3, portion.baseline(), 1e-9); // recall 1/2, precision 1 -> F1 2/3
        assertEquals(1.0, portion.current(), 1e-9);
        assertTrue(portion.significant(), "p=" + portion.pValue());
        assertFalse(changes.stream().filter(c -> c.node().equals(TASTE)).findFirst().orElseThrow().significant());
    }
}
