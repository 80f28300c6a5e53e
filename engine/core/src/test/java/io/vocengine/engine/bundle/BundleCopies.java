package io.vocengine.engine.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test bundles: a shipped bundle's files under another manifest, for the checks that must refuse a bad one. */
public final class BundleCopies {
    private BundleCopies() {
    }

    /** The files of {@code shipped} in {@code dir/name}, with {@code manifest} as their manifest.json, loaded. */
    public static ModelBundle withManifest(Path dir, String name, ModelBundle shipped, String manifest) throws IOException {
        Path b = Files.createDirectories(dir.resolve(name));
        List<String> files = new ArrayList<>();
        shipped.manifest().path("files").fieldNames().forEachRemaining(files::add);
        for (String f : files) Files.write(b.resolve(f), shipped.file(f));
        Files.writeString(b.resolve("manifest.json"), manifest);
        return ModelBundle.load(b);
    }
}
