package io.vocengine.deep;

import io.vocengine.engine.Engine;
import io.vocengine.engine.EngineConfig;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.testdata.SharedData;
import io.vocengine.eval.datasets.AiChallenger2018;
import io.vocengine.eval.gold.GoldItem;
import io.vocengine.eval.metrics.AspectEvaluation;
import io.vocengine.eval.metrics.AspectPredictions;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deep mode against the default on the held-out AI Challenger dev2: accuracy gain and speed cost, printed.
 * {@code mvn -Pdeep -pl engine/deep test} (after {@code mvn install -DskipTests}).
 */
@Tag(SharedData.TAG)
class DeepModeAccuracyTest {
    private static final Taxonomy RESTAURANT = TaxonomyLoader.loadShipped("restaurant");

    @Test
    void deepModeAgainstTheDefaultOnDev2() throws IOException {
        List<GoldItem> dev = AiChallenger2018.read(SharedData.require("aichallenger2018-fsa-subset/dev2.tsv"));
        EngineConfig config = new EngineConfig(List.of(RESTAURANT), EngineConfig.DEFAULT_MAX_CHARS);
        Engine plain = Engine.create(config), deep = Engine.create(config.withDeepMode());
        deep.analyse(Feedback.of("warm", "屏幕碎了")); // loads CoreNLP (seconds) outside the timing
        AspectEvaluation.Result p = run(plain, dev, "default"), d = run(deep, dev, "deep");
        assertTrue(d.items() == p.items() && d.leafMentions().support() == p.leafMentions().support());
    }

    private static AspectEvaluation.Result run(Engine engine, List<GoldItem> items, String name) {
        AspectEvaluation eval = new AspectEvaluation(RESTAURANT, AiChallenger2018.MAPPING.nodes());
        long t = System.nanoTime();
        for (GoldItem g : items) {
            Feedback f = new Feedback(g.id(), g.text(), null, null, null, null, null, null, null, null, null, null,
                    Map.of("domain", "restaurant"));
            eval.add(g, AspectPredictions.of(engine.analyse(f).tagging().tags(), RESTAURANT,
                    new HashSet<>(AiChallenger2018.MAPPING.nodes())));
        }
        double ms = (System.nanoTime() - t) / 1e6 / items.size();
        AspectEvaluation.Result r = eval.result();
        System.out.printf(Locale.ROOT, "%-8s dev2: leaf mention P %.3f R %.3f F1 %.3f; level-1 F1 %.3f; polarity %.3f;"
                        + " macro-F1 %.3f; %.2f ms/review (mean %d chars)%n", name, r.leafMentions().precision(),
                r.leafMentions().recall(), r.leafMentions().f1(), r.groupMentions().f1(), r.polarityAccuracy(),
                r.officialMacroF1(), ms, items.stream().mapToInt(g -> g.text().length()).sum() / items.size());
        return r;
    }
}
