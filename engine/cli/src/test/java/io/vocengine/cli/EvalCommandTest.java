package io.vocengine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocengine.engine.testdata.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI gate: the engine on the first 200 items of each held-out tagging, polarity and emotion set against the committed baseline
 * ({@code eval/baselines/gate-200.json}), with margins. A genuine regression fails the build here.
 */
@Tag(SharedData.TAG)
class EvalCommandTest {
    private static final Path BASELINE = SharedData.repoRoot().resolve("eval/baselines/gate-200.json");
    private static final String GATES = "leafMicroF1:0.02,level1MicroF1:0.02,polarityAccuracy:0.03,officialMacroF1:0.03,macroF1:0.03";

    @TempDir
    Path dir;

    private int eval(Path baseline, StringWriter err) {
        Path data = SharedData.require("aichallenger2018-fsa-subset").getParent();
        CommandLine cli = VocCli.commandLine();
        cli.setErr(new PrintWriter(err));
        return cli.execute("eval", "--data", data.toString(), "--limit", "200", "--resamples", "100",
                "--out", dir.resolve("out").toString(), "--baseline", baseline.toString(), "--gate", GATES);
    }

    @Test
    void theEngineHoldsTheCommittedBaseline() throws IOException {
        assertEquals(0, eval(BASELINE, new StringWriter()), "a gated metric fell below the baseline's margin; "
                + "see " + dir.resolve("out/report.md"));
        JsonNode report = Json.MAPPER.readTree(dir.resolve("out/report.json").toFile());
        assertEquals("voc-eval/1", report.get("schema").asText());
        assertEquals(2, report.get("datasets").size());
        assertEquals(List.of("nlpcc2013-test", "online-shopping-test", "smp2020-covid-test", "smp2020-general-test", "waimai-test"),
                java.util.stream.StreamSupport.stream(report.get("classification").spliterator(), false).map(c -> c.get("name").asText()).toList());
        assertTrue(report.get("intensity").get("metrics").has("spearmanSignedIntensity"));
        JsonNode leaf = report.get("datasets").get(0).get("metrics").get("leafMicroF1");
        assertTrue(leaf.get("low").asDouble() <= leaf.get("value").asDouble() && leaf.get("value").asDouble() <= leaf.get("high").asDouble());
        assertTrue(Files.readString(dir.resolve("out/report.md")).contains("| leafMicroF1 |"));
        assertTrue(Files.readString(dir.resolve("out/report.md")).contains("Against the baseline"));
        String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<svg") && !html.contains("<script"));
    }

    @Test
    void aRegressionAgainstTheBaselineFails() throws IOException {
        ObjectNode raised = (ObjectNode) Json.MAPPER.readTree(BASELINE.toFile());
        ObjectNode leaf = (ObjectNode) raised.get("datasets").get(0).get("metrics").get("leafMicroF1");
        leaf.put("value", leaf.get("value").asDouble() + 0.05); // as if the engine had been 0.05 better before
        Path better = dir.resolve("better.json");
        Json.MAPPER.writeValue(better.toFile(), raised);
        assertEquals(1, eval(better, new StringWriter()));
    }

    /** A baseline from a full run against a --limit run would compare a subset's figure with the whole set's. */
    @Test
    void aBaselineOfOtherItemsIsRefusedNotGated() throws IOException {
        ObjectNode full = (ObjectNode) Json.MAPPER.readTree(BASELINE.toFile());
        ((ObjectNode) full.get("classification").get(0)).put("items", 1325);
        Path other = dir.resolve("full.json");
        Json.MAPPER.writeValue(other.toFile(), full);
        StringWriter err = new StringWriter();
        assertEquals(2, eval(other, err));
        assertTrue(err.toString().contains("the baseline scored 1325 items, this run 200"), err.toString());
    }

    @Test
    void anEmotionRegressionFailsToo() throws IOException {
        ObjectNode raised = (ObjectNode) Json.MAPPER.readTree(BASELINE.toFile());
        for (JsonNode c : raised.get("classification")) {
            if (!c.get("name").asText().equals("smp2020-general-test")) continue;
            ObjectNode macro = (ObjectNode) c.get("metrics").get("macroF1");
            macro.put("value", macro.get("value").asDouble() + 0.05);
        }
        Path better = dir.resolve("better-emotion.json");
        Json.MAPPER.writeValue(better.toFile(), raised);
        StringWriter err = new StringWriter();
        assertEquals(1, eval(better, err));
    }

    @Test
    void unknownDatasetsAndGatesWithoutABaselineAreUsageErrors() {
        StringWriter err = new StringWriter();
        CommandLine cli = VocCli.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("eval", "--dataset", "nope"));
        assertTrue(err.toString().contains("unknown dataset 'nope'"), err.toString());
        assertEquals(2, cli.execute("eval", "--gate", "leafMicroF1:0.01", "--data", "/nonexistent"));
        // A bad gate is refused before any set runs: with no data folder a run would fail with another message.
        for (String gate : List.of("bogus:0.1", "macroF1:lots", "macroF1:-0.1", "macroF1")) {
            assertEquals(2, cli.execute("eval", "--data", "/nonexistent", "--baseline", BASELINE.toString(), "--gate", gate));
            assertTrue(err.toString().contains("--gate " + gate + ": "), err.toString());
        }
    }
}
