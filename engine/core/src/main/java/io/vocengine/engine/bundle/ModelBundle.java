package io.vocengine.engine.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * A trained model as shipped: a directory with {@code manifest.json} and the files it lists, each with its SHA-256.
 * The manifest names the model, its kind and version, the taxonomy or label set it serves, the training data (with
 * hashes), the parameters and the measured metrics (see {@code models/README.md}). Loading validates it all, so a
 * missing, truncated or swapped file fails at start-up with the bundle and file named, never as a wrong prediction
 * later. Shared read-only: the manifest node and file bytes it hands out are its own (not copied: model.onnx is
 * megabytes), and no caller may modify them.
 */
public final class ModelBundle {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where shipped bundles sit on the class path (copied there from {@code models/bundles/} by the build). */
    private static final String SHIPPED = "/models/bundles/";

    private final String name;
    private final JsonNode manifest;
    private final Map<String, byte[]> files;

    private ModelBundle(String name, JsonNode manifest, Map<String, byte[]> files) {
        this.name = name;
        this.manifest = manifest;
        this.files = Map.copyOf(files);
    }

    /** Reads content by file name, from a directory or the class path. */
    private interface Source {
        byte[] read(String file) throws IOException;
    }

    public static ModelBundle load(Path dir) {
        return load(dir.getFileName().toString(), dir.toString(), f -> {
            try {
                return Files.readAllBytes(dir.resolve(f));
            } catch (NoSuchFileException e) {
                return null;
            }
        });
    }

    /** A bundle shipped with the engine; null when it is not on the class path (the engine then runs without it). */
    public static ModelBundle shipped(String name) {
        if (ModelBundle.class.getResource(SHIPPED + name + "/manifest.json") == null) return null;
        return load(name, "classpath:" + SHIPPED + name, f -> {
            try (InputStream in = ModelBundle.class.getResourceAsStream(SHIPPED + name + "/" + f)) {
                return in == null ? null : in.readAllBytes();
            }
        });
    }

    private static ModelBundle load(String name, String where, Source source) {
        JsonNode manifest;
        try {
            byte[] bytes = source.read("manifest.json");
            if (bytes == null) throw new BundleException("model bundle " + where + ": manifest.json is missing");
            manifest = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new BundleException("model bundle " + where + ": manifest.json is unreadable: " + e.getMessage());
        }
        for (String field : new String[]{"name", "kind", "version", "files"}) {
            if (!manifest.hasNonNull(field)) throw new BundleException("model bundle " + where + ": manifest.json lacks '" + field + "'");
        }
        Map<String, byte[]> files = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.get("files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            byte[] bytes;
            try {
                bytes = source.read(e.getKey());
            } catch (IOException ex) {
                throw new BundleException("model bundle " + where + ": " + e.getKey() + " is unreadable: " + ex.getMessage());
            }
            if (bytes == null) throw new BundleException("model bundle " + where + ": " + e.getKey() + " is missing");
            String actual = sha256(bytes);
            if (!actual.equals(e.getValue().asText())) {
                throw new BundleException("model bundle " + where + ": " + e.getKey() + " is corrupt or was replaced (sha256 "
                        + actual + ", the manifest says " + e.getValue().asText() + ")");
            }
            files.put(e.getKey(), bytes);
        }
        return new ModelBundle(name, manifest, files);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public String name() {
        return manifest.get("name").asText(name);
    }

    public String kind() {
        return manifest.get("kind").asText();
    }

    /** The stamp on every result the model contributes to: {@code restaurant-aspect-polarity@1a2b3c4d5e6f}. */
    public String stamp() {
        return name() + "@" + manifest.get("version").asText();
    }

    public JsonNode manifest() {
        return manifest;
    }

    public byte[] file(String file) {
        byte[] bytes = files.get(file);
        if (bytes == null) throw new BundleException("model bundle " + name + " lists no file " + file);
        return bytes;
    }
}
