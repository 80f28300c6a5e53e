package io.vocengine.eval;

import io.vocengine.eval.datasets.AiChallenger2018;
import io.vocengine.eval.datasets.Asap;
import io.vocengine.eval.datasets.AspectMapping;
import io.vocengine.eval.gold.GoldItem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The held-out tagging test sets the harness knows, each a file under the shared data folder, the taxonomy it is
 * scored against and its label mapping. Training files are deliberately absent: nothing here is ever tuned on.
 */
public final class TaggingDatasets {
    private TaggingDatasets() {
    }

    /** How to read one dataset. */
    public interface Reader {
        List<GoldItem> read(Path file) throws IOException;
    }

    public record Dataset(String name, String file, String taxonomy, AspectMapping mapping, Reader reader) {
        public List<GoldItem> load(Path dataRoot) throws IOException {
            return reader.read(dataRoot.resolve(file));
        }
    }

    public static final List<Dataset> ALL = List.of(
            new Dataset("aichallenger2018-dev2", "aichallenger2018-fsa-subset/dev2.tsv", "restaurant",
                    AiChallenger2018.MAPPING, AiChallenger2018::read),
            new Dataset("asap-test", "asap-sample/test_sample.csv", "restaurant", Asap.MAPPING, Asap::read));

    public static Dataset named(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown dataset '" + name + "'; known: " + ALL.stream().map(Dataset::name).toList()));
    }
}
