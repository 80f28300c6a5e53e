package io.vocengine.eval.train;

import io.vocengine.engine.emotion.EmotionModels;
import io.vocengine.engine.tag.AspectPolarityNetwork;
import io.vocengine.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AspectPolarityTrainerTest {
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
