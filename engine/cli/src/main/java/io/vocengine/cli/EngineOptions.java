package io.vocengine.cli;

import io.vocengine.engine.Engine;
import io.vocengine.engine.EngineConfig;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options shared by every command that builds an engine or touches the data home. */
final class EngineOptions {
    @Option(names = "--data-dir", defaultValue = "voc-data", paramLabel = "DIR",
            description = "Data home: index/, deadletter/, demo/ (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--taxonomy", paramLabel = "NAME|FILE", split = ",",
            description = "Taxonomies to tag with: shipped names (ecommerce, phone, auto, restaurant) or YAML files. Default: all shipped.")
    List<String> taxonomies = new ArrayList<>();

    @Option(names = "--max-chars", defaultValue = "" + EngineConfig.DEFAULT_MAX_CHARS, paramLabel = "N",
            description = "Analyse at most N characters per item; longer texts are flagged TRUNCATED (default: ${DEFAULT-VALUE}).")
    int maxChars;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: number of cores).")
    Integer threads;

    int threads() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) throw new UserError("--threads must be at least 1, got " + n);
        return n;
    }

    Path indexDir() {
        return dataDir.resolve("index");
    }

    Engine engine() {
        return Engine.create(config());
    }

    /** Reads the taxonomy files afresh on every call, so that a reload sees the edits. */
    EngineConfig config() {
        List<Taxonomy> loaded = new ArrayList<>();
        List<String> names = taxonomies.isEmpty() ? EngineConfig.SHIPPED_TAXONOMIES : taxonomies;
        for (String name : names) {
            Path file = Path.of(name);
            if (Files.isRegularFile(file)) loaded.add(TaxonomyLoader.load(file));
            else if (EngineConfig.SHIPPED_TAXONOMIES.contains(name)) loaded.add(TaxonomyLoader.loadShipped(name));
            else throw new UserError("--taxonomy " + name + ": not a file and not a shipped taxonomy "
                        + EngineConfig.SHIPPED_TAXONOMIES);
        }
        return new EngineConfig(loaded, maxChars);
    }

    /** The taxonomy files given with --taxonomy (not the shipped names), for watching. */
    List<Path> taxonomyFiles() {
        return taxonomies.stream().map(Path::of).filter(Files::isRegularFile).toList();
    }
}
