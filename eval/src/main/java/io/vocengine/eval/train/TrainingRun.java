package io.vocengine.eval.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocengine.engine.Engine;
import io.vocengine.engine.EngineConfig;
import io.vocengine.engine.bundle.ModelBundle;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.eval.gold.GoldItem;
import io.vocengine.taxonomy.Taxonomy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What every trainer shares: the rules-only engine it learns on, and the manifest's account of the data. */
final class TrainingRun {
    private TrainingRun() {
    }

    /** The engine without models: a model learns from the rules' output, never from its own. */
    static Engine rulesOnly(Taxonomy taxonomy) {
        return Engine.create(new EngineConfig(List.of(taxonomy), EngineConfig.DEFAULT_MAX_CHARS).withoutModels());
    }

    static Analysis analyse(Engine engine, Taxonomy taxonomy, GoldItem g) {
        return engine.analyse(new Feedback(g.id(), g.text(), null, null, null, null, null, null, null, null, null, null,
                Map.of("domain", taxonomy.id())));
    }

    /** The manifest's {@code taxonomy}, {@code taxonomyVersion} and {@code trainingData} entries. */
    static void describe(ObjectNode manifest, Taxonomy taxonomy, Path trainFile, int reviews) throws IOException {
        manifest.put("taxonomy", taxonomy.id());
        manifest.put("taxonomyVersion", taxonomy.version());
        ObjectNode data = manifest.putObject("trainingData");
        data.put("dataset", "aichallenger2018-fsa-subset");
        data.put("file", trainFile.getFileName().toString());
        data.put("sha256", ModelBundle.sha256(Files.readAllBytes(trainFile)));
        data.put("reviews", reviews);
        data.put("licence", "AI Challenger 2018 download agreement: non-commercial research or teaching only"
                + " (see ../shared/data/aichallenger2018-fsa-subset/protocol.txt); the model's use inherits that limit");
    }
}
