package io.vocengine.eval;

import io.vocengine.engine.emotion.EmotionModels;
import io.vocengine.engine.testdata.SharedData;
import io.vocengine.eval.datasets.LabelledTexts;
import io.vocengine.eval.datasets.Splits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped polarity model, run from Java as the emotion stage reads it, on the committed test splits it never
 * saw. The figures must match what the training script reported (same graph, same normalisation; the few reviews
 * longer than the model's 512 characters are read at their head and tail here) and hold the measured floor.
 */
@Tag(SharedData.TAG)
class PolarityModelAccuracyTest {
    @Test
    void heldOutAccuracy() throws IOException {
        EmotionModels models = EmotionModels.shipped();
        double shopping = accuracy(models, LabelledTexts.onlineShopping(
                SharedData.require("online-shopping-10-cats/online_shopping_10_cats.csv")), "online-shopping-10-cats");
        double waimai = accuracy(models, LabelledTexts.waimai(SharedData.require("waimai-10k/waimai_10k.csv")), "waimai-10k");
        // Issue-6 targets: 0.94 and 0.91. Floors a little under the measured level.
        assertTrue(shopping >= FLOOR_SHOPPING, "online-shopping accuracy " + shopping);
        assertTrue(waimai >= FLOOR_WAIMAI, "waimai accuracy " + waimai);
    }

    static final double FLOOR_SHOPPING = 0.925, FLOOR_WAIMAI = 0.89; // measured 0.9321 and 0.8965

    private static double accuracy(EmotionModels models, List<LabelledTexts.Item> all, String dataset) throws IOException {
        List<LabelledTexts.Item> test = LabelledTexts.select(all, Splits.read(SharedData.repoRoot().resolve("eval/splits").resolve(dataset), "test"));
        double accuracy = ClassifierEvaluation.run(dataset, models.polarity().stamp(), models.polarity().labels(), test,
                ClassifierEvaluation.Scorer.of(models::readPolarity), 0, Splits.SEED, done -> { }).result().accuracy();
        System.out.printf(Locale.ROOT, "polarity-cnn %s test (%d): accuracy %.4f%n", dataset, test.size(), accuracy);
        return accuracy;
    }
}
