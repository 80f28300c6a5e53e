package io.vocengine.eval;

import io.vocengine.engine.Engine;
import io.vocengine.engine.TestEngines;
import io.vocengine.engine.testdata.SharedData;
import io.vocengine.eval.datasets.AiChallenger2018;
import io.vocengine.eval.datasets.Asap;
import io.vocengine.eval.datasets.AspectMapping;
import io.vocengine.eval.gold.GoldItem;
import io.vocengine.eval.metrics.AspectEvaluation;
import io.vocengine.eval.metrics.Prf;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The restaurant taxonomy and the tagger against the public aspect datasets. Test data: AI Challenger dev2 and the
 * ASAP test sample; rules are tuned on AI Challenger train2 only ({@code -Deval.show=train2} prints its per-aspect
 * figures). The floors hold the measured level; raise them as tagging improves, never lower them.
 */
@org.junit.jupiter.api.Tag(SharedData.TAG)
class RestaurantTaggingAccuracyTest {
    private static final Taxonomy RESTAURANT = TaxonomyLoader.loadShipped("restaurant");

    @Test
    void restaurantAspectsOnHeldOutData() throws IOException {
        Engine engine = TestEngines.shared();
        if ("train2".equals(System.getProperty("eval.show"))) {
            report("aichallenger train2 (tuning)", evaluate(engine,
                    AiChallenger2018.read(SharedData.require("aichallenger2018-fsa-subset/train2.tsv")),
                    AiChallenger2018.MAPPING), true);
        }
        AspectEvaluation.Result dev = evaluate(engine,
                AiChallenger2018.read(SharedData.require("aichallenger2018-fsa-subset/dev2.tsv")), AiChallenger2018.MAPPING);
        AspectEvaluation.Result asap = evaluate(engine, Asap.read(SharedData.require("asap-sample/test_sample.csv")),
                Asap.MAPPING);
        report("aichallenger dev2 (test)", dev, false);
        report("asap test sample (test)", asap, false);

        // Issue-4 targets: level-1 F1 >= 0.85, leaf F1 >= 0.75, polarity accuracy >= 0.75, official macro-F1 > 0.57.
        // Measured with the model stacked on restaurant-aspect-cnn: polarity 0.748 [0.735, 0.760], macro-F1 0.550.
        floors("dev2", dev, 0.93, 0.82, 0.73, 0.535);
        // ASAP's sample is small (about 340 aspect pairs: a 95% interval of ±0.05 on polarity accuracy and
        // [0.499, 0.595] on official macro-F1), so its floors sit a little below the measured level; dev2 (about
        // 4,100 pairs) is the tight gate. Polarity-cnn v2 moved ASAP's official macro-F1 from 0.550 to 0.525 and
        // dev2's from 0.549 to 0.538, both inside their intervals.
        floors("asap", asap, 0.91, 0.80, 0.70, 0.50);
    }

    private static void floors(String name, AspectEvaluation.Result r, double group, double leaf, double polarity,
                               double macro) {
        assertTrue(r.groupMentions().f1() >= group, name + " level-1 F1 " + r.groupMentions().f1());
        assertTrue(r.leafMentions().f1() >= leaf, name + " leaf F1 " + r.leafMentions().f1());
        assertTrue(r.polarityAccuracy() >= polarity, name + " polarity accuracy " + r.polarityAccuracy());
        assertTrue(r.officialMacroF1() >= macro, name + " official macro-F1 " + r.officialMacroF1());
    }

    private static AspectEvaluation.Result evaluate(Engine engine, List<GoldItem> items, AspectMapping mapping) {
        TaggingDatasets.Dataset dataset = new TaggingDatasets.Dataset(mapping.name(), "", "restaurant", mapping, f -> items);
        TaggingEvaluation.Report r = TaggingEvaluation.run(engine, RESTAURANT, dataset, items, 0, 0, done -> { });
        // -Deval.misses=<node> (with eval.show=train2) lists that node's misses on the tuning file, never on test.
        String misses = System.getProperty("eval.misses");
        if (misses != null && items.getFirst().id().startsWith("train2")) {
            int shown = 0;
            for (int i = 0; i < items.size() && shown < 25; i++) {
                GoldItem g = items.get(i);
                Polarity predicted = r.predicted().get(i).get(misses);
                if (g.aspects().get(misses) == predicted) continue;
                shown++;
                System.out.printf("MISS %s gold %s predicted %s | %s%n", g.id(), g.aspects().get(misses), predicted,
                        g.text().substring(0, Math.min(300, g.text().length())));
            }
        }
        return r.result();
    }

    private static void report(String name, AspectEvaluation.Result r, boolean perNode) {
        System.out.printf(Locale.ROOT, "%s: %d items; level-1 mention P %.3f R %.3f F1 %.3f; leaf mention P %.3f R %.3f"
                        + " F1 %.3f; polarity accuracy %.3f on %d; official 4-class macro-F1 %.3f%n", name, r.items(),
                r.groupMentions().precision(), r.groupMentions().recall(), r.groupMentions().f1(),
                r.leafMentions().precision(), r.leafMentions().recall(), r.leafMentions().f1(), r.polarityAccuracy(),
                r.polarityPairs(), r.officialMacroF1());
        System.out.println("  polarity confusion [gold neg/neu/pos][predicted neg/neu/pos]: "
                + java.util.Arrays.deepToString(r.polarityConfusion()));
        if (!perNode) return;
        for (Map.Entry<String, Prf> e : r.perNode().entrySet()) {
            Prf p = e.getValue();
            System.out.printf(Locale.ROOT, "  %-45s support %4d  P %.3f  R %.3f  F1 %.3f%n", e.getKey(), p.support(),
                    p.precision(), p.recall(), p.f1());
        }
    }
}
