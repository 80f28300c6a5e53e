package io.vocengine.engine.bundle;

import io.vocengine.engine.EngineConfig;
import io.vocengine.engine.tag.AspectPolarityModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelBundleTest {
    private static final String NAME = EngineConfig.SHIPPED_MODELS.getFirst();

    /** A copy of the shipped bundle in a directory, to break in various ways. */
    private static Path copyOfShipped(Path dir) throws IOException {
        ModelBundle shipped = ModelBundle.shipped(NAME);
        assertNotNull(shipped, "the shipped bundle must be on the class path");
        Path b = Files.createDirectories(dir.resolve(NAME));
        Files.writeString(b.resolve("manifest.json"), shipped.manifest().toPrettyString());
        Files.write(b.resolve(AspectPolarityModel.FILE), shipped.file(AspectPolarityModel.FILE));
        return b;
    }

    @Test
    void shippedBundleLoadsAndStampsItsVersion() {
        AspectPolarityModel m = new AspectPolarityModel(ModelBundle.shipped(NAME));
        assertEquals("restaurant", m.taxonomy());
        assertTrue(m.stamp().matches(NAME + "@[0-9a-f]{12}"), m.stamp());
        assertNull(ModelBundle.shipped("no-such-model"));
    }

    @Test
    void aCopyLoadsFromADirectory(@TempDir Path dir) throws IOException {
        assertEquals(new AspectPolarityModel(ModelBundle.shipped(NAME)).stamp(),
                new AspectPolarityModel(ModelBundle.load(copyOfShipped(dir))).stamp());
    }

    @Test
    void missingCorruptAndMalformedFilesAreNamed(@TempDir Path dir) throws IOException {
        Path b = copyOfShipped(dir);
        byte[] model = Files.readAllBytes(b.resolve(AspectPolarityModel.FILE));
        model[model.length / 2] ^= 1;
        Files.write(b.resolve(AspectPolarityModel.FILE), model);
        BundleException corrupt = assertThrows(BundleException.class, () -> ModelBundle.load(b));
        assertTrue(corrupt.getMessage().contains("model.bin is corrupt"), corrupt.getMessage());

        Files.delete(b.resolve(AspectPolarityModel.FILE));
        BundleException missing = assertThrows(BundleException.class, () -> ModelBundle.load(b));
        assertTrue(missing.getMessage().contains("model.bin is missing"), missing.getMessage());

        Files.writeString(b.resolve("manifest.json"), "{\"name\": \"x\",");
        BundleException malformed = assertThrows(BundleException.class, () -> ModelBundle.load(b));
        assertTrue(malformed.getMessage().contains("manifest.json is unreadable"), malformed.getMessage());

        Files.delete(b.resolve("manifest.json"));
        BundleException noManifest = assertThrows(BundleException.class, () -> ModelBundle.load(b));
        assertTrue(noManifest.getMessage().contains("manifest.json is missing"), noManifest.getMessage());
    }

    @Test
    void aBundleOfAnotherKindIsRefused(@TempDir Path dir) throws IOException {
        Path b = copyOfShipped(dir);
        Files.writeString(b.resolve("manifest.json"),
                Files.readString(b.resolve("manifest.json")).replace(AspectPolarityModel.KIND, "onnx/emotion"));
        BundleException e = assertThrows(BundleException.class, () -> new AspectPolarityModel(ModelBundle.load(b)));
        assertTrue(e.getMessage().contains("is a onnx/emotion"), e.getMessage());
    }
}
