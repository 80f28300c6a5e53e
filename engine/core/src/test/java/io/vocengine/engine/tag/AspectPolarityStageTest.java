package io.vocengine.engine.tag;

import io.vocengine.engine.TestEngines;
import io.vocengine.engine.bundle.BundleException;
import io.vocengine.engine.bundle.ModelBundle;
import io.vocengine.engine.emotion.EmotionModels;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AspectPolarityStageTest {
    private static Analysis analyse(String domain, String text) {
        return TestEngines.shared().analyse(new Feedback("t", text, null, null, null, null, null, null, null, null, null,
                null, Map.of("domain", domain)));
    }

    private static Tag tag(Analysis a, String node) {
        return a.tagging().tags().stream().filter(t -> t.nodeId().equals(node)).findFirst().orElseThrow(
                () -> new AssertionError(node + " not in " + a.tagging().tags()));
    }

    @Test
    void aModelTrainedOnAnotherClausePolarityModelIsRefused() {
        AspectPolarityModel model = new AspectPolarityModel(ModelBundle.shipped("restaurant-aspect-polarity"));
        assertEquals(EmotionModels.shipped().polarity().stamp(), model.clausePolarity());
        List<Taxonomy> restaurant = List.of(TaxonomyLoader.loadShipped("restaurant"));
        BundleException e = assertThrows(BundleException.class,
                () -> new AspectPolarityStage(restaurant, List.of(model), TestEngines.shared().segmenter(), null));
        assertTrue(e.getMessage().contains("was trained with clause polarity from " + model.clausePolarity())
                && e.getMessage().contains("retrain"), e.getMessage());
    }

    @Test
    void theModelDecidesRestaurantAspectPolarityAndSaysSo() {
        Tag decoration = tag(analyse("restaurant", "环境很好"), "restaurant.environment.decoration");
        assertEquals(Polarity.POSITIVE, decoration.polarity());
        assertTrue(decoration.source().matches("rule:restaurant\\.environment\\.decoration#.*; polarity model:"
                + "restaurant-aspect-polarity@[0-9a-f]{12} p=0\\.\\d\\d"), decoration.source());
        Tag staff = tag(analyse("restaurant", "服务员的态度嘛，一般般吧"), "restaurant.service.waiters_attitude");
        assertTrue(staff.polarity() != Polarity.POSITIVE && staff.source().contains("polarity model"), staff.toString());
    }

    @Test
    void rulesAloneWhereNoModelServesTheTaxonomyOrTheNodeFixesItsPolarity() {
        Analysis a = analyse("ecommerce", "快递把盒子压扁了");
        assertEquals(a.get(Keys.RULE_TAGS), a.tagging());
        assertTrue(a.tagging().tags().stream().noneMatch(t -> t.source().contains("polarity model")));
    }
}
