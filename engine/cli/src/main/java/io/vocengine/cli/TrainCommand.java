package io.vocengine.cli;

import io.vocengine.eval.train.AspectPolarityTrainer;
import io.vocengine.taxonomy.TaxonomyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code voc train-polarity}: trains a taxonomy's aspect-polarity model bundle from an aspect dataset. Used to
 * rebuild {@code models/bundles/restaurant-aspect-polarity}; see models/README.md.
 */
@Command(name = "train-polarity", mixinStandardHelpOptions = true,
        description = "Train an aspect-polarity model bundle from AI Challenger 2018-style data (deterministic).")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--train", required = true, paramLabel = "FILE",
            description = "Training file in the AI Challenger 2018 layout (labels TAB text), e.g. train2.tsv.")
    Path train;

    @Option(names = "--taxonomy", defaultValue = "restaurant", paramLabel = "NAME",
            description = "Shipped taxonomy whose aspect tags the model scores (default: ${DEFAULT-VALUE}).")
    String taxonomy;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Bundle directory to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(train)) throw new UserError("no such training file: " + train);
        new AspectPolarityTrainer(TaxonomyLoader.loadShipped(taxonomy), System.out).train(train, out);
        return 0;
    }
}
