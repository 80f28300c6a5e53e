package io.vocengine.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed checks of the classification comparison and of the intensity correlation. */
class ClassifierComparisonTest {
    private static final List<String> LABELS = List.of("anger", "joy", "neutral");

    private static List<ClassifierEvaluation.Prediction> run(boolean right, int n) {
        List<ClassifierEvaluation.Prediction> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String gold = LABELS.get(i % 3);
            out.add(new ClassifierEvaluation.Prediction("i" + i, gold, right ? gold : LABELS.get((i + 1) % 3)));
        }
        return out;
    }

    @Test
    void aClearImprovementIsSignificantAndNoChangeIsNot() {
        List<ClassifierEvaluation.Change> better = ClassifierEvaluation.compare(LABELS, run(false, 30), run(true, 30), 500, 7);
        ClassifierEvaluation.Change accuracy = better.get(0);
        assertEquals("accuracy", accuracy.metric());
        assertEquals(30, accuracy.items());
        assertEquals(1.0, accuracy.delta(), 1e-9);
        assertEquals(0.0, accuracy.pValue(), 1e-9);
        assertEquals(List.of("accuracy", "macroF1", "emotionMacroF1"), better.stream().map(ClassifierEvaluation.Change::metric).toList());

        for (ClassifierEvaluation.Change c : ClassifierEvaluation.compare(LABELS, run(true, 30), run(true, 30), 500, 7)) {
            assertEquals(0.0, c.delta(), 1e-9);
            assertEquals(1.0, c.pValue(), 1e-9);
        }
    }

    @Test
    void onlyItemsBothRunsScoredWithTheSameGoldAreCompared() {
        List<ClassifierEvaluation.Prediction> base = new ArrayList<>(run(true, 9));
        base.set(0, new ClassifierEvaluation.Prediction("i0", "joy", "joy")); // gold changed since: left out
        List<ClassifierEvaluation.Prediction> now = new ArrayList<>(run(true, 12)); // three new items: left out
        assertEquals(8, ClassifierEvaluation.compare(LABELS, base, now, 10, 1).get(0).items());
        assertTrue(ClassifierEvaluation.compare(LABELS, List.of(), now, 10, 1).stream().allMatch(c -> c.items() == 0));
    }

    @Test
    void spearmanUsesMeanRanksForTies() {
        assertEquals(1.0, IntensityEvaluation.spearman(new double[]{1, 2, 3}, new double[]{10, 20, 30}), 1e-12);
        assertEquals(-1.0, IntensityEvaluation.spearman(new double[]{1, 2, 3}, new double[]{3, 2, 1}), 1e-12);
        // ranks x = 1.5, 1.5, 3, 4 against 1, 2, 3, 4: 4.5 / sqrt(4.5 * 5)
        assertEquals(4.5 / Math.sqrt(22.5), IntensityEvaluation.spearman(new double[]{1, 1, 2, 3}, new double[]{1, 2, 3, 4}), 1e-12);
        assertEquals(0.0, IntensityEvaluation.spearman(new double[]{2, 2, 2}, new double[]{1, 2, 3}), 1e-12);
    }
}
