package io.vocengine.eval.train;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocengine.taxonomy.Polarity;

import java.util.Locale;

/**
 * The model card of an aspect-polarity bundle, written by {@link AspectPolarityTrainer} from the run's own manifest
 * and out-of-fold confusion, so that it cannot drift from the model it describes.
 */
final class AspectPolarityCard {
    private AspectPolarityCard() {
    }

    static String of(JsonNode manifest, int[][] confusion, int folds) {
        JsonNode data = manifest.path("trainingData"), metrics = manifest.path("metrics"), cv = metrics.path("crossValidatedAccuracy");
        StringBuilder byCost = new StringBuilder();
        metrics.path("crossValidatedAccuracyByL2").forEach(c -> byCost.append(String.format(Locale.ROOT, "%s%.0f: %.4f",
                byCost.isEmpty() ? "" : ", ", c.path("l2").asDouble(), c.path("accuracy").asDouble())));
        StringBuilder classes = new StringBuilder();
        for (Polarity gold : Polarity.values()) {
            int[] row = confusion[gold.ordinal()];
            int n = row[0] + row[1] + row[2];
            classes.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %d / %d / %d |%n", gold.json(), n,
                    n == 0 ? 0.0 : (double) row[gold.ordinal()] / n, row[Polarity.POSITIVE.ordinal()],
                    row[Polarity.NEGATIVE.ordinal()], row[Polarity.NEUTRAL.ordinal()]));
        }
        String network = !manifest.hasNonNull("aspectNetwork") ? "" : String.format(Locale.ROOT, ", stacked on the ONNX"
                + " aspect network `%s`: its verdict on the tag's aspect from the whole review (trained on its out-of-fold"
                + " readings of the training reviews; they were computed on the raw text, while the engine passes the"
                + " cleaned text)", manifest.path("aspectNetwork").asText());
        return String.format(Locale.ROOT, """
                # Model card: %s (version %s)

                Written by `voc train polarity` from the run that built this bundle (manifest.json holds every figure).

                **What it does.** Decides positive, negative or neutral for each aspect tag of the %s taxonomy whose node
                does not fix a polarity: the rules find the aspect (口味), this model reads its clause and the review.
                L2-regularised logistic regression (OpenNLP quasi-Newton maxent, L2 %s) over `AspectPolarityFeatures`:
                the clause's words with negation marked, the polarity lexicon's verdict on the clause and the review, the
                clause's connective, the node and the ONNX clause-polarity model `%s` (five bands)%s. An engine shipping
                other versions of the ONNX models it reads refuses this bundle.

                **Data and splits.** `%s` of %s (%d reviews, %d aspect-tag examples: one per rule tag with a gold
                polarity; sha256 %s). Licence: %s. The L2 cost is chosen by %d-fold cross-validation over reviews
                (seeded shuffle, seed %d); the model is then trained on every review. Held-out figures (AI Challenger
                `dev2.tsv`, ASAP test) come from `voc eval` and are in the README; nothing was chosen on them.

                **Metrics** (out of fold, on the training reviews). Accuracy **%.4f** [%.4f, %.4f] (%s). By L2: %s.

                | gold | examples | recall | predicted positive / negative / neutral |
                |---|---|---|---|
                %s
                **Known failure modes.**
                - The minority classes are weak (recalls above): negative aspects are often read as neutral or positive
                  (a complaint in mild words, 一般般), neutral ones as positive; the official macro-F1, which weighs the
                  classes alike, stays far below accuracy.
                - A negative aspect inside a positive review is often missed: the review's overall tone leaks into it.
                - It sees only aspects the rules tagged; a missed mention has no polarity at all.
                - Trained on 1,000 Dianping restaurant reviews: other cuisines' jargon, other platforms and other domains
                  are out of its range.
                """, manifest.path("name").asText(), manifest.path("version").asText(), manifest.path("taxonomy").asText(),
                manifest.path("parameters").path("l2").asText(), manifest.path("clausePolarity").asText("none"), network,
                data.path("file").asText(), data.path("dataset").asText(), data.path("reviews").asInt(),
                data.path("examples").asInt(), data.path("sha256").asText(), data.path("licence").asText(), folds,
                manifest.path("parameters").path("seed").asLong(), cv.path("value").asDouble(), cv.path("low").asDouble(),
                cv.path("high").asDouble(), cv.path("bootstrap").asText(), byCost, classes);
    }
}
