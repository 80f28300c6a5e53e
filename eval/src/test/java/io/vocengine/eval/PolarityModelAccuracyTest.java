package io.vocengine.eval;

import io.vocengine.engine.bundle.ModelBundle;
import io.vocengine.engine.emotion.EmotionModels;
import io.vocengine.engine.onnx.OnnxTextModel;
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
 * The shipped polarity model, run from Java, on the committed test splits it never saw. The figures must match
 * what the training script reported (same graph, same normalisation) and hold the measured floor.
 */
@Tag(SharedData.TAG)
class PolarityModelAccuracyTest {
    @Test
    void heldOutAccuracy() throws IOException {
        try (OnnxTextModel model = new OnnxTextModel(ModelBundle.shipped("polarity-cnn"), EmotionModels.POLARITY_KIND)) {
            double shopping = accuracy(model, LabelledTexts.onlineShopping(
                    SharedData.require("online-shopping-10-cats/online_shopping_10_cats.csv")), "online-shopping-10-cats");
            double waimai = accuracy(model, LabelledTexts.waimai(SharedData.require("waimai-10k/waimai_10k.csv")), "waimai-10k");
            // Issue-6 targets: 0.94 and 0.91. Floors at the measured level.
            assertTrue(shopping >= FLOOR_SHOPPING, "online-shopping accuracy " + shopping);
            assertTrue(waimai >= FLOOR_WAIMAI, "waimai accuracy " + waimai);
        }
    }

    static final double FLOOR_SHOPPING = 0.91, FLOOR_WAIMAI = 0.89; // measured 0.9135 and 0.8923

    private static double accuracy(OnnxTextModel model, List<LabelledTexts.Item> all, String dataset) throws IOException {
        List<LabelledTexts.Item> test = LabelledTexts.select(all, Splits.read(SharedData.repoRoot().resolve("eval/splits").resolve(dataset), "test"));
        double accuracy = ClassifierEvaluation.run(dataset, model.stamp(), model.labels(), test,
                ClassifierEvaluation.Scorer.of(model), 0, Splits.SEED, done -> { }).result().accuracy();
        System.out.printf(Locale.ROOT, "polarity-cnn %s test (%d): accuracy %.4f%n", dataset, test.size(), accuracy);
        return accuracy;
    }
}
