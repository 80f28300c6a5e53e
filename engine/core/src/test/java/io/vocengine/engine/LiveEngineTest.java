package io.vocengine.engine;

import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.model.Tagging;
import io.vocengine.taxonomy.TaxonomyException;
import io.vocengine.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reloading taxonomies while items are being tagged: every result comes whole from one version or the other. */
class LiveEngineTest {
    private static final String HEADER = "taxonomy:\n  id: shop\n  name: 商店\nnodes:\n  - id: logistics\n    name: 物流\n";
    /** Version A tags 盒子压扁 as damage; version B as a packaging complaint under another id. */
    private static final String A = HEADER + "  - id: logistics.damaged\n    parent: logistics\n    name: 破损\n"
            + "    polarity: negative\n    terms: [盒子压扁]\n";
    private static final String B = HEADER + "  - id: logistics.crushed_box\n    parent: logistics\n    name: 压坏\n"
            + "    polarity: negative\n    terms: [盒子压扁, 压扁]\n";

    @Test
    void reloadUnderLoadLosesAndMixesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shop.yaml");
        Files.writeString(file, A);
        LiveEngine live = new LiveEngine(() -> new EngineConfig(List.of(TaxonomyLoader.load(file)), 1000));
        String versionA = live.current().taxonomyVersions().getFirst();

        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        AtomicInteger analysed = new AtomicInteger();
        List<Thread> workers = new java.util.ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    try {
                        Engine e = live.current();
                        Tagging t = e.analyse(new Feedback("x", "快递把盒子压扁了", null, null, null, null, null, null, null,
                                null, null, null, Map.of())).tagging();
                        String version = t.taxonomies().getFirst();
                        Set<String> ids = Set.copyOf(t.tags().stream().map(Tag::nodeId).toList());
                        boolean consistent = version.equals(versionA) ? ids.equals(Set.of("shop.logistics.damaged"))
                                : ids.equals(Set.of("shop.logistics.crushed_box"));
                        if (!consistent) failures.add(new AssertionError(version + " tagged " + ids));
                        seen.computeIfAbsent(version, k -> new AtomicInteger()).incrementAndGet();
                        analysed.incrementAndGet();
                    } catch (Throwable ex) {
                        failures.add(ex);
                    }
                }
            }));
        }
        for (int i = 0; i < 20; i++) {
            Files.writeString(file, i % 2 == 0 ? B : A);
            LiveEngine.Reload r = live.reload();
            assertTrue(r.changed(), "each edit gives a new version");
            Thread.sleep(20);
        }
        // A broken edit is refused and the running version keeps serving.
        String running = live.current().taxonomyVersions().getFirst();
        Files.writeString(file, HEADER + "  - id: logistics.bad\n    parent: nowhere\n    name: 坏\n    terms: [坏]\n");
        TaxonomyException broken = assertThrows(TaxonomyException.class, live::reload);
        assertTrue(broken.getMessage().contains("nowhere"), broken.getMessage());
        assertEquals(running, live.current().taxonomyVersions().getFirst());
        Thread.sleep(50);
        stop.set(true);
        for (Thread t : workers) t.join();

        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.getFirst());
        assertEquals(2, seen.size(), "both versions served: " + seen);
        assertTrue(analysed.get() > 100, "analysed " + analysed.get());
    }
}
