package io.vocengine.cli;

import io.vocengine.engine.emotion.EmotionModels;
import io.vocengine.engine.tag.AspectPolarityNetwork;
import io.vocengine.eval.train.AspectPolarityTrainer;
import io.vocengine.eval.train.MentionModelTrainer;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code voc train polarity|mentions}: trains a taxonomy's model bundle from an aspect dataset; used to rebuild
 * {@code models/bundles/restaurant-aspect-polarity} and {@code models/bundles/restaurant-mentions} (models/README.md).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model bundle from AI Challenger 2018-style data (deterministic): polarity or mentions.")
final class TrainCommand implements Callable<Integer> {
    enum Model { polarity, mentions }

    @Parameters(index = "0", paramLabel = "MODEL", description = "polarity (aspect polarity) or mentions (nodes the rules miss)")
    Model model;

    @Option(names = "--train", required = true, paramLabel = "FILE",
            description = "Training file in the AI Challenger 2018 layout (labels TAB text), e.g. train2.tsv.")
    Path train;

    @Option(names = "--taxonomy", defaultValue = "restaurant", paramLabel = "NAME",
            description = "Shipped taxonomy the model serves (default: ${DEFAULT-VALUE}).")
    String taxonomy;

    @Option(names = "--aspect-network", defaultValue = "restaurant-aspect-cnn", paramLabel = "NAME",
            description = "Shipped aspect network whose reading of each review the polarity model stacks on, or none "
                    + "(default: ${DEFAULT-VALUE}; it must have out-of-fold readings of the training file).")
    String aspectNetwork;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Bundle directory to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(train)) throw new UserError("no such training file: " + train);
        Taxonomy t = TaxonomyLoader.loadShipped(taxonomy);
        switch (model) {
            case polarity -> new AspectPolarityTrainer(t, EmotionModels.shipped().polarity(),
                    aspectNetwork.equals("none") ? null : AspectPolarityNetwork.shipped(aspectNetwork), System.out).train(train, out);
            case mentions -> new MentionModelTrainer(t, System.out).train(train, out);
        }
        return 0;
    }
}
