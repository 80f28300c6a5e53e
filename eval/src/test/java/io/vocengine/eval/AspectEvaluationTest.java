package io.vocengine.eval;

import io.vocengine.eval.gold.GoldItem;
import io.vocengine.eval.metrics.AspectEvaluation;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.vocengine.taxonomy.Polarity.NEGATIVE;
import static io.vocengine.taxonomy.Polarity.NEUTRAL;
import static io.vocengine.taxonomy.Polarity.POSITIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The aspect metrics against counts worked out by hand. */
class AspectEvaluationTest {
    private static final Taxonomy T = TaxonomyLoader.loadShipped("restaurant");
    private static final String TASTE = "restaurant.dish.taste", PORTION = "restaurant.dish.portion",
            STAFF = "restaurant.service.waiters_attitude";

    private static AspectEvaluation.Result run(List<Map<String, Polarity>> gold, List<Map<String, Polarity>> predicted) {
        AspectEvaluation e = new AspectEvaluation(T, List.of(TASTE, PORTION, STAFF));
        for (int i = 0; i < gold.size(); i++) e.add(new GoldItem("g" + i, "", gold.get(i)), predicted.get(i));
        return e.result();
    }

    @Test
    void mentionsPolarityAndGroupsByHand() {
        // item 1: gold taste+, staff-; predicted taste+ (right), portion~ (false), staff missed
        // item 2: gold portion-; predicted portion+ (mention right, polarity wrong)
        AspectEvaluation.Result r = run(
                List.of(Map.of(TASTE, POSITIVE, STAFF, NEGATIVE), Map.of(PORTION, NEGATIVE)),
                List.of(Map.of(TASTE, POSITIVE, PORTION, NEUTRAL), Map.of(PORTION, POSITIVE)));
        assertEquals(2, r.leafMentions().tp());
        assertEquals(1, r.leafMentions().fp());
        assertEquals(1, r.leafMentions().fn());
        assertEquals(2.0 / 3, r.leafMentions().f1(), 1e-9);
        // groups: item 1 gold {dish, service} vs predicted {dish}; item 2 {dish} vs {dish}
        assertEquals(2, r.groupMentions().tp());
        assertEquals(0, r.groupMentions().fp());
        assertEquals(1, r.groupMentions().fn());
        assertEquals(0.5, r.polarityAccuracy(), 1e-9); // taste right, portion wrong
        assertEquals(2, r.polarityPairs());
    }

    @Test
    void officialMacroF1UsesOnlyClassesThatOccur() {
        // taste: gold [+, none], predicted [+, none] -> classes none and + both F1 1 -> 1.0
        // portion: gold [none, -], predicted [~, +] -> none: tp0 fp0 fn1 -> 0; -: 0; ~: 0; +: 0 -> 0.0
        // staff: gold [none, none], predicted [none, none] -> only "none", F1 1 -> 1.0
        AspectEvaluation.Result r = run(
                List.of(Map.of(TASTE, POSITIVE), Map.of(PORTION, NEGATIVE)),
                List.of(Map.of(TASTE, POSITIVE, PORTION, NEUTRAL), Map.of(PORTION, POSITIVE)));
        assertEquals((1.0 + 0.0 + 1.0) / 3, r.officialMacroF1(), 1e-9);
    }

    @Test
    void emptyPredictionsScoreZeroNotNaN() {
        AspectEvaluation.Result r = run(List.of(Map.of(TASTE, POSITIVE)), List.of(Map.of()));
        assertEquals(0, r.leafMentions().precision());
        assertEquals(0, r.leafMentions().f1());
        assertEquals(0, r.polarityAccuracy());
    }

    @Test
    void aMappingOntoAnUnknownNodeFailsClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AspectEvaluation(T, List.of("restaurant.dish.nope")));
        assertEquals(true, e.getMessage().contains("restaurant.dish.nope"));
    }
}
