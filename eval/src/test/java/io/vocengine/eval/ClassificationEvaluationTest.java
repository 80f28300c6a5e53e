package io.vocengine.eval;

import io.vocengine.eval.metrics.ClassificationEvaluation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The classification metrics against figures worked out by hand. */
class ClassificationEvaluationTest {
    private static final List<String> LABELS = List.of("anger", "joy", "neutral");

    @Test
    void macroF1ConfusionAndCalibrationByHand() {
        ClassificationEvaluation e = new ClassificationEvaluation(LABELS);
        e.add("anger", new double[]{0.9, 0.05, 0.05});   // right, confidence 0.9
        e.add("anger", new double[]{0.2, 0.7, 0.1});     // wrong (joy), confidence 0.7
        e.add("joy", new double[]{0.1, 0.8, 0.1});       // right, 0.8
        e.add("neutral", new double[]{0.3, 0.3, 0.4});   // right, 0.4
        ClassificationEvaluation.Result r = e.result(10);
        assertEquals(0.75, r.accuracy(), 1e-9);
        // anger P 1/1 R 1/2 F1 2/3; joy P 1/2 R 1/1 F1 2/3; neutral P 1 R 1 F1 1 -> macro 7/9
        assertEquals(7.0 / 9, r.macroF1(), 1e-9);
        assertArrayEquals(new int[]{1, 1, 0}, r.confusion()[0]);
        // bins: 0.4 -> acc 1 conf 0.4; 0.7 -> acc 0 conf 0.7; 0.8 -> 1, 0.8; 0.9 -> 1, 0.9
        // ECE = (0.6 + 0.7 + 0.2 + 0.1) / 4 = 0.4
        assertEquals(0.4, r.expectedCalibrationError(), 1e-9);
        // anger at threshold 0.5: only item 1 -> P 1, R 1/2
        ClassificationEvaluation.Point p = r.sweeps().get("anger").get(9);
        assertEquals(0.5, p.threshold(), 1e-9);
        assertEquals(1.0, p.precision(), 1e-9);
        assertEquals(0.5, p.recall(), 1e-9);
    }

    @Test
    void emptyDataSingleClassAndMissingLabels() {
        ClassificationEvaluation.Result empty = new ClassificationEvaluation(LABELS).result(10);
        assertEquals(0, empty.items());
        assertEquals(0, empty.macroF1());
        assertEquals(0, empty.expectedCalibrationError());

        ClassificationEvaluation single = new ClassificationEvaluation(LABELS);
        for (int i = 0; i < 3; i++) single.add("joy", new double[]{0.1, 0.8, 0.1});
        ClassificationEvaluation.Result r = single.result(10);
        assertEquals(1.0, r.accuracy());
        // joy F1 1; anger and neutral never occur nor get predicted: F1 0 each (their support is 0)
        assertEquals(1.0 / 3, r.macroF1(), 1e-9);
        assertEquals(0, r.perLabel().get("anger").support());
        assertThrows(IllegalArgumentException.class, () -> single.add("fear", new double[]{1, 0, 0}));
    }
}
