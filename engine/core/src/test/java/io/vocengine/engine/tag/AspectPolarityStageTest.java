package io.vocengine.engine.tag;

import io.vocengine.engine.EngineConfig;
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
import io.vocengine.engine.model.Tagging;
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
    void aModelTrainedOnAnotherAspectNetworkIsRefused(@TempDir Path dir) throws IOException {
        ModelBundle shipped = ModelBundle.shipped("restaurant-aspect-polarity");
        String network = shipped.manifest().path("aspectNetwork").asText();
        assertEquals(AspectPolarityNetwork.shipped("restaurant-aspect-cnn").stamp(), network);
        Path b = Files.createDirectories(dir.resolve("restaurant-aspect-polarity"));
        Files.write(b.resolve(AspectPolarityModel.FILE), shipped.file(AspectPolarityModel.FILE));
        Files.writeString(b.resolve("manifest.json"), shipped.manifest().toString()
                .replace(network, "restaurant-aspect-cnn@000000000000"));
        BundleException e = assertThrows(BundleException.class, () -> new AspectPolarityModel(ModelBundle.load(b)));
        assertTrue(e.getMessage().contains("was trained on the aspect network restaurant-aspect-cnn@000000000000, but the "
                + "engine ships " + network), e.getMessage());
    }

    /** A taxonomy edit that renames a node the network scores is refused (a hot reload keeps the running engine). */
    @Test
    void aTaxonomyWithoutOneOfTheNetworksAspectsIsRefused() throws IOException {
        String yaml;
        try (var in = TaxonomyLoader.class.getResourceAsStream("/taxonomies/restaurant.yaml")) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Taxonomy edited = TaxonomyLoader.parse("restaurant.yaml", yaml.replace("location.traffic", "location.transport")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        AspectPolarityModel model = new AspectPolarityModel(ModelBundle.shipped("restaurant-aspect-polarity"));
        BundleException e = assertThrows(BundleException.class, () -> new AspectPolarityStage(List.of(edited),
                List.of(model), TestEngines.shared().segmenter(), EmotionModels.shipped().polarity()));
        assertTrue(e.getMessage().contains("scores restaurant.location.traffic, which taxonomy restaurant@"), e.getMessage());
    }

    @Test
    void aBatchTagsAsItsItemsOneByOne() {
        List<String> texts = List.of("环境很好", "服务员态度很差，菜倒是挺好吃", "停车不方便，价格也贵", "快递很快");
        EngineConfig config = EngineConfig.defaults();
        AspectPolarityStage stage = new AspectPolarityStage(config.taxonomies(), config.polarityModels(),
                TestEngines.shared().segmenter(), EmotionModels.shipped().polarity());
        List<Analysis> items = texts.stream().map(t -> analyse(t.equals("快递很快") ? "ecommerce" : "restaurant", t)).toList();
        List<Tagging> batch = stage.processBatch(items);
        for (int i = 0; i < items.size(); i++) assertEquals(stage.process(items.get(i)), batch.get(i), texts.get(i));
        assertTrue(batch.get(1).tags().stream().anyMatch(t -> t.source().contains("polarity model")), batch.get(1).toString());
    }

    @Test
    void theModelDecidesRestaurantAspectPolarityAndSaysSo() {
        Tag decoration = tag(analyse("restaurant", "环境很好"), "restaurant.environment.decoration");
        assertEquals(Polarity.POSITIVE, decoration.polarity());
        assertTrue(decoration.source().matches("rule:restaurant\\.environment\\.decoration#.*; polarity model:"
                + "restaurant-aspect-polarity@[0-9a-f]{12}\\+restaurant-aspect-cnn@[0-9a-f]{12} p=0\\.\\d\\d"), decoration.source());
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
