package io.vocengine.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocengine.eval.ClassifierEvaluation;
import io.vocengine.eval.IntensityEvaluation;
import io.vocengine.eval.TaggingEvaluation;
import io.vocengine.eval.metrics.PairedComparison;
import io.vocengine.taxonomy.Polarity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an evaluation run as {@code report.json} (stable schema {@value #SCHEMA}, for machines and the regression
 * gate), {@code report.md} and a self-contained {@code report.html} with charts (for people). Figures are rounded to four decimals.
 */
public final class EvalReportWriter {
    public static final String SCHEMA = "voc-eval/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalReportWriter() {
    }

    public static ObjectNode json(List<String> engineVersions, int resamples, long seed,
                                  List<TaggingEvaluation.Report> reports) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        ArrayNode versions = root.putArray("engine");
        engineVersions.forEach(versions::add);
        root.putObject("bootstrap").put("resamples", resamples).put("seed", seed).put("interval", "percentile 95%");
        ArrayNode datasets = root.putArray("datasets");
        for (TaggingEvaluation.Report r : reports) {
            ObjectNode d = datasets.addObject();
            d.put("name", r.dataset());
            d.put("items", r.items());
            ObjectNode metrics = d.putObject("metrics");
            r.metrics().forEach((k, v) -> metrics.putObject(k).put("value", round(v.value()))
                    .put("low", round(v.low())).put("high", round(v.high())));
            ObjectNode nodes = d.putObject("nodes");
            r.result().perNode().forEach((node, p) -> nodes.putObject(node).put("precision", round(p.precision()))
                    .put("recall", round(p.recall())).put("f1", round(p.f1())).put("support", p.support()));
            ArrayNode confusion = d.putArray("polarityConfusion");
            for (int[] row : r.result().polarityConfusion()) {
                ArrayNode a = confusion.addArray();
                for (int c : row) a.add(c);
            }
            ArrayNode predictions = d.putArray("predictions"); // per item, for paired comparisons with a later run
            for (int i = 0; i < r.gold().size(); i++) {
                ObjectNode item = predictions.addObject().put("id", r.gold().get(i).id());
                ObjectNode nodesOf = item.putObject("nodes");
                r.predicted().get(i).entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> nodesOf.put(e.getKey(), e.getValue().json()));
            }
            ObjectNode errors = d.putObject("errors");
            r.errors().forEach((node, e) -> {
                ObjectNode n = errors.putObject(node);
                errorList(n.putArray("falsePositives"), e.falsePositives());
                errorList(n.putArray("falseNegatives"), e.falseNegatives());
            });
        }
        return root;
    }

    /** Adds a dataset's comparison with the baseline run to the report. */
    public static void addComparison(ObjectNode report, String dataset, List<PairedComparison.Change> changes) {
        for (JsonNode d : report.path("datasets")) {
            if (!d.path("name").asText().equals(dataset)) continue;
            ArrayNode c = ((ObjectNode) d).putArray("comparison");
            for (PairedComparison.Change ch : changes) {
                c.addObject().put("node", ch.node()).put("baseline", round(ch.baseline())).put("current", round(ch.current()))
                        .put("delta", round(ch.delta())).put("pValue", round(ch.pValue())).put("significant", ch.significant());
            }
        }
    }

    /** A dataset's per-item predictions in a report, by item id; empty when the report has none. */
    public static Map<String, Map<String, Polarity>> predictions(JsonNode report, String dataset) {
        Map<String, Map<String, Polarity>> out = new java.util.HashMap<>();
        for (JsonNode d : report.path("datasets")) {
            if (!d.path("name").asText().equals(dataset)) continue;
            for (JsonNode item : d.path("predictions")) {
                Map<String, Polarity> nodes = new java.util.HashMap<>();
                item.path("nodes").fields().forEachRemaining(e -> nodes.put(e.getKey(), Polarity.parse(e.getValue().asText())));
                out.put(item.path("id").asText(), nodes);
            }
        }
        return out;
    }

    /** Adds the document-classification results (polarity, emotion), with each item's prediction, to the report. */
    public static void addClassification(ObjectNode report, List<ClassifierEvaluation.Report> reports) {
        ArrayNode list = report.putArray("classification");
        for (ClassifierEvaluation.Report r : reports) {
            ObjectNode d = list.addObject().put("name", r.dataset()).put("model", r.model()).put("items", r.items());
            ObjectNode metrics = d.putObject("metrics");
            r.metrics().forEach((k, v) -> metrics.putObject(k).put("value", round(v.value()))
                    .put("low", round(v.low())).put("high", round(v.high())));
            ArrayNode labels = d.putArray("labels");
            r.labels().forEach(labels::add);
            ArrayNode confusion = d.putArray("confusion");
            for (int[] row : r.result().confusion()) {
                ArrayNode a = confusion.addArray();
                for (int c : row) a.add(c);
            }
            ArrayNode bins = d.putArray("reliability");
            r.result().reliability().forEach(b -> bins.addObject().put("from", b.from()).put("to", b.to())
                    .put("items", b.items()).put("confidence", round(b.meanConfidence())).put("accuracy", round(b.accuracy())));
            ObjectNode sweeps = d.putObject("sweeps");
            r.result().sweeps().forEach((label, points) -> {
                ArrayNode a = sweeps.putArray(label);
                points.forEach(pt -> a.addObject().put("threshold", pt.threshold()).put("precision", round(pt.precision()))
                        .put("recall", round(pt.recall())));
            });
            ArrayNode predictions = d.putArray("predictions");
            r.predictions().forEach(p -> predictions.addObject().put("id", p.id()).put("gold", p.gold()).put("predicted", p.predicted()));
        }
    }

    /** Adds the intensity validation (Spearman correlations with star ratings) to the report. */
    public static void addIntensity(ObjectNode report, IntensityEvaluation.Report r) {
        ObjectNode d = report.putObject("intensity").put("name", r.dataset()).put("items", r.items());
        ObjectNode metrics = d.putObject("metrics");
        r.metrics().forEach((k, v) -> metrics.putObject(k).put("value", round(v.value())).put("low", round(v.low())).put("high", round(v.high())));
    }

    /** The per-item predictions a report.json holds for one classification set; empty when it has none. */
    public static List<ClassifierEvaluation.Prediction> classPredictions(JsonNode report, String dataset) {
        List<ClassifierEvaluation.Prediction> out = new java.util.ArrayList<>();
        for (JsonNode d : report.path("classification")) {
            if (!d.path("name").asText().equals(dataset)) continue;
            for (JsonNode p : d.path("predictions")) {
                out.add(new ClassifierEvaluation.Prediction(p.path("id").asText(), p.path("gold").asText(), p.path("predicted").asText()));
            }
        }
        return out;
    }

    /** Records a classification set's changes against the baseline in the report. */
    public static void addClassificationComparison(ObjectNode report, String dataset, List<ClassifierEvaluation.Change> changes) {
        for (JsonNode d : report.path("classification")) {
            if (!d.path("name").asText().equals(dataset)) continue;
            ArrayNode a = ((ObjectNode) d).putArray("comparison");
            changes.forEach(c -> a.addObject().put("metric", c.metric()).put("items", c.items())
                    .put("baseline", round(c.baseline())).put("current", round(c.current())).put("pValue", round(c.pValue())));
        }
    }

    private static void errorList(ArrayNode into, List<TaggingEvaluation.Error> errors) {
        for (TaggingEvaluation.Error e : errors) {
            ObjectNode o = into.addObject().put("id", e.id()).put("text", e.text()).put("source", e.source());
            ArrayNode ev = o.putArray("evidence");
            e.evidence().forEach(ev::add);
        }
    }

    public static String markdown(JsonNode report) {
        StringBuilder md = new StringBuilder("# Evaluation report\n\nEngine: ").append(report.path("engine"))
                .append("; 95% percentile bootstrap intervals over ").append(report.path("bootstrap").path("resamples"))
                .append(" resamples (seed ").append(report.path("bootstrap").path("seed")).append(").\n");
        for (JsonNode d : report.path("datasets")) {
            md.append("\n## ").append(d.path("name").asText()).append(" (").append(d.path("items")).append(" items)\n\n")
                    .append("| metric | value | 95% interval |\n|---|---|---|\n");
            d.path("metrics").fields().forEachRemaining(m -> md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f – %.4f |%n",
                    m.getKey(), m.getValue().path("value").asDouble(), m.getValue().path("low").asDouble(),
                    m.getValue().path("high").asDouble())));
            md.append("\n| node | precision | recall | F1 | support |\n|---|---|---|---|---|\n");
            d.path("nodes").fields().forEachRemaining(n -> md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d |%n",
                    n.getKey(), n.getValue().path("precision").asDouble(), n.getValue().path("recall").asDouble(),
                    n.getValue().path("f1").asDouble(), n.getValue().path("support").asInt())));
            md.append("\nPolarity confusion [gold negative/neutral/positive][predicted]: ")
                    .append(d.path("polarityConfusion")).append('\n');
            if (d.has("comparison")) {
                md.append("\nAgainst the baseline (paired bootstrap, two-sided p):\n\n| node | baseline F1 | F1 | Δ | p |\n|---|---|---|---|---|\n");
                for (JsonNode c : d.path("comparison")) {
                    md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %+.3f | %.3f%s |%n", c.path("node").asText(),
                            c.path("baseline").asDouble(), c.path("current").asDouble(), c.path("delta").asDouble(),
                            c.path("pValue").asDouble(), c.path("significant").asBoolean() ? " *" : ""));
                }
            }
        }
        for (JsonNode c : report.path("classification")) {
            md.append("\n## ").append(c.path("name").asText()).append(" (").append(c.path("items")).append(" items, ")
                    .append(c.path("model").asText()).append(")\n\n| metric | value | 95% interval |\n|---|---|---|\n");
            c.path("metrics").fields().forEachRemaining(m -> md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f – %.4f |%n",
                    m.getKey(), m.getValue().path("value").asDouble(), m.getValue().path("low").asDouble(),
                    m.getValue().path("high").asDouble())));
            md.append("\nConfusion ").append(c.path("labels")).append(" [gold][predicted]: ").append(c.path("confusion")).append('\n');
            if (c.has("comparison")) {
                md.append("\nAgainst the baseline (paired bootstrap, two-sided p):\n\n| metric | baseline | now | p |\n|---|---|---|---|\n");
                for (JsonNode ch : c.path("comparison")) {
                    md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.3f |%n", ch.path("metric").asText(),
                            ch.path("baseline").asDouble(), ch.path("current").asDouble(), ch.path("pValue").asDouble()));
                }
            }
        }
        JsonNode intensity = report.path("intensity");
        if (!intensity.isMissingNode()) {
            md.append("\n## Intensity against star ratings: ").append(intensity.path("name").asText()).append(" (")
                    .append(intensity.path("items")).append(" items)\n\n| Spearman | value | 95% interval |\n|---|---|---|\n");
            intensity.path("metrics").fields().forEachRemaining(m -> md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f – %.4f |%n",
                    m.getKey(), m.getValue().path("value").asDouble(), m.getValue().path("low").asDouble(),
                    m.getValue().path("high").asDouble())));
        }
        return md.toString();
    }

    public static void write(Path dir, ObjectNode report) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
        Files.writeString(dir.resolve("report.md"), markdown(report));
        Files.writeString(dir.resolve("report.html"), HtmlReport.render(report));
    }

    /** A metric's value in a dataset of a report, or NaN when absent. */
    /** A metric of a tagging or classification set in a report; NaN when the report lacks either. */
    public static double metric(JsonNode report, String dataset, String metric) {
        return set(report, dataset).path("metrics").path(metric).path("value").asDouble(Double.NaN);
    }

    /** How many items a tagging or classification set of a report scored; 0 when the report lacks the set. */
    public static int items(JsonNode report, String dataset) {
        return set(report, dataset).path("items").asInt(0);
    }

    private static JsonNode set(JsonNode report, String dataset) {
        for (String section : List.of("datasets", "classification")) {
            for (JsonNode d : report.path(section)) {
                if (d.path("name").asText().equals(dataset)) return d;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Names of every tagging and classification set in a report. */
    public static List<String> sets(JsonNode report) {
        List<String> out = new java.util.ArrayList<>();
        for (String section : List.of("datasets", "classification")) report.path(section).forEach(d -> out.add(d.path("name").asText()));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
