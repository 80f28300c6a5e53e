package io.vocengine.engine.emotion;

import io.vocengine.engine.bundle.BundleCopies;
import io.vocengine.engine.bundle.BundleException;
import io.vocengine.engine.bundle.ModelBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmotionModelsTest {
    private static final ModelBundle POLARITY = ModelBundle.shipped("polarity-cnn"), EMOTION = ModelBundle.shipped("emotion-cnn");

    @Test
    void theShippedThresholdsCannotBeChangedByACaller() {
        EmotionModels shipped = EmotionModels.shipped();
        double joy = shipped.threshold(0);
        assertThrows(UnsupportedOperationException.class, () -> shipped.thresholds().set(0, 0.99));
        assertEquals(joy, EmotionModels.shipped().threshold(0));
    }

    @Test
    void everyLabelNeedsAThresholdBetweenZeroAndOne(@TempDir Path dir) throws IOException {
        String manifest = EMOTION.manifest().toString();
        String joy = "\"joy\":" + EMOTION.manifest().path("thresholds").path("joy").toString();
        assertTrue(manifest.contains(joy), manifest);
        for (String[] c : List.of(new String[]{"\"joyful\":0.3", "is missing"}, new String[]{"\"joy\":1.5", "is 1.5"},
                new String[]{"\"joy\":0", "is 0"}, new String[]{"\"joy\":\"high\"", "is \"high\""})) {
            ModelBundle b = BundleCopies.withManifest(dir, "e" + c[0].hashCode(), EMOTION, manifest.replace(joy, c[0]));
            BundleException e = assertThrows(BundleException.class, () -> EmotionModels.of(POLARITY, b));
            assertTrue(e.getMessage().contains("thresholds.joy must be a number between 0 and 1, " + c[1]), e.getMessage());
        }
    }

    @Test
    void bundlesWithTheWrongLabelsAreRefusedBeforeAnySessionOpens(@TempDir Path dir) throws IOException {
        BundleException swapped = assertThrows(BundleException.class, () -> EmotionModels.of(EMOTION, POLARITY));
        assertTrue(swapped.getMessage().contains("polarity-cnn") || swapped.getMessage().contains("emotion-cnn"), swapped.getMessage());
        assertTrue(swapped.getMessage().contains("must have the labels [negative, positive]"), swapped.getMessage());
        ModelBundle wrongKind = BundleCopies.withManifest(dir, "p", POLARITY,
                POLARITY.manifest().toString().replace("onnx/document-polarity", "onnx/emotion"));
        BundleException kind = assertThrows(BundleException.class, () -> EmotionModels.of(wrongKind, EMOTION));
        assertTrue(kind.getMessage().contains("is a onnx/emotion, not a onnx/document-polarity"), kind.getMessage());
    }
}
