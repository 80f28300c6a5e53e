package io.vocengine.engine.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Locates the public datasets in {@code ../shared/data} beside the repository root (or {@code -Dvoc.shared.data}).
 * Tests that read them are tagged {@code shared-data}. Outside CI they are skipped when the data is absent; under
 * CI ({@code CI=true}) absence fails the test, so they never skip silently there.
 */
public final class SharedData {
    public static final String TAG = "shared-data";

    private SharedData() {
    }

    /** The path of {@code relative} inside the shared data folder; skips or fails the test when it is missing. */
    public static Path require(String relative) {
        Path file = root().resolve(relative);
        if (!Files.exists(file)) {
            if ("true".equals(System.getenv("CI"))) fail("shared data missing under CI: " + file.toAbsolutePath());
            assumeTrue(false, "public data not present: " + file.toAbsolutePath());
        }
        return file;
    }

    private static Path root() {
        String configured = System.getProperty("voc.shared.data");
        if (configured != null) return Path.of(configured);
        return repoRoot().resolveSibling("shared").resolve("data");
    }

    /** The repository root (the folder with the {@code voc} launcher), found upwards from the working directory. */
    public static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("voc")) && Files.exists(dir.resolve("pom.xml"))) return dir;
        }
        throw new IllegalStateException("no repository root (a folder with ./voc and pom.xml) above " + Path.of("").toAbsolutePath());
    }
}
