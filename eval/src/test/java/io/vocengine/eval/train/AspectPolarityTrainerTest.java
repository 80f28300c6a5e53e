package io.vocengine.eval.train;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocengine.engine.bundle.ModelBundle;
import io.vocengine.engine.emotion.EmotionModels;
import io.vocengine.engine.tag.AspectPolarityModel;
import io.vocengine.engine.tag.AspectPolarityNetwork;
import io.vocengine.engine.testdata.SharedData;
import io.vocengine.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AspectPolarityTrainerTest {
    @Test
    void trainsABundleWithItsManifestAndModelCard(@TempDir Path dir) throws IOException {
        // "环境…" rates the decoration aspect (column 10) through a node without a fixed polarity: the model decides it.
        String[] reviews = {"环境很好", "环境不怎么样", "环境一般", "环境不错，挺喜欢", "环境很糟糕", "环境还行吧"};
        int[] labels = {1, -1, 0, 1, -1, 0};
        StringBuilder file = new StringBuilder();
        for (int r = 0; r < 20; r++) {
            for (int a = 0; a < 20; a++) {
                int label = a == 10 ? labels[r % 6] : -2;
                file.append(a == 0 ? "" : ",").append(a).append('_').append(label);
            }
            file.append('\t').append(reviews[r % 6]).append('\n');
        }
        Path train = Files.writeString(dir.resolve("tiny.tsv"), file);
        new AspectPolarityTrainer(TaxonomyLoader.loadShipped("restaurant"), EmotionModels.shipped().polarity(), null,
                new PrintStream(PrintStream.nullOutputStream())).train(train, dir.resolve("bundle"));
        AspectPolarityModel model = new AspectPolarityModel(ModelBundle.load(dir.resolve("bundle")));
        assertNull(model.network());
        JsonNode metrics = ModelBundle.load(dir.resolve("bundle")).manifest().path("metrics");
        JsonNode cv = metrics.path("crossValidatedAccuracy");
        int examples = 0;
        for (JsonNode row : metrics.path("crossValidatedConfusion")) for (JsonNode n : row) examples += n.asInt();
        assertEquals(20, examples, "one example per review: its decoration tag");
        String card = Files.readString(dir.resolve("bundle/MODEL_CARD.md"));
        assertTrue(card.contains("# Model card: bundle (version " + model.stamp().split("@")[1] + ")")
                && card.contains(String.format(Locale.ROOT, "Accuracy **%.4f** [%.4f, %.4f]", cv.path("value").asDouble(),
                cv.path("low").asDouble(), cv.path("high").asDouble())) && card.contains("`tiny.tsv`")
                && !card.contains("stacked on"), card);
    }

    /** The shipped model is what the committed trainer makes of train2.tsv and the shipped networks, byte for byte. */
    @Test
    @Tag(SharedData.TAG)
    void stackedTrainingOnTrain2RebuildsTheShippedModel(@TempDir Path dir) throws IOException {
        Path train = SharedData.require("aichallenger2018-fsa-subset/train2.tsv");
        new AspectPolarityTrainer(TaxonomyLoader.loadShipped("restaurant"), EmotionModels.shipped().polarity(),
                AspectPolarityNetwork.shipped("restaurant-aspect-cnn"), new PrintStream(PrintStream.nullOutputStream()))
                .train(train, dir.resolve("restaurant-aspect-polarity"));
        ModelBundle shipped = ModelBundle.shipped("restaurant-aspect-polarity");
        ModelBundle rebuilt = ModelBundle.load(dir.resolve("restaurant-aspect-polarity"));
        assertEquals(shipped.stamp(), rebuilt.stamp());
        assertEquals(shipped.manifest().path("metrics"), rebuilt.manifest().path("metrics"));
        assertTrue(Files.readString(dir.resolve("restaurant-aspect-polarity/MODEL_CARD.md")).contains(
                "stacked on the ONNX aspect network `" + AspectPolarityNetwork.shipped("restaurant-aspect-cnn").stamp()));
    }

    /** The network's training-set readings are out of fold for train2.tsv only; on other data they would be made up. */
    @Test
    void theNetworksReadingsOfAnotherTrainingFileAreRefused(@TempDir Path dir) throws IOException {
        Path train = Files.writeString(dir.resolve("train2.tsv"),
                "0_-2,1_-2,2_-2,3_-2,4_1,5_-2,6_-2,7_-2,8_-2,9_-2,10_-2,11_-2,12_-2,13_-2,14_-2,15_1,16_-2,17_-2,18_1,19_-2\t服务员很热情，菜也好吃\n");
        AspectPolarityTrainer trainer = new AspectPolarityTrainer(TaxonomyLoader.loadShipped("restaurant"),
                EmotionModels.shipped().polarity(), AspectPolarityNetwork.shipped("restaurant-aspect-cnn"),
                new PrintStream(PrintStream.nullOutputStream()));
        IOException e = assertThrows(IOException.class, () -> trainer.train(train, dir.resolve("out")));
        assertTrue(e.getMessage().contains("are of another training file") && e.getMessage().contains("--aspect-network none"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "no bundle is written");
    }
}
