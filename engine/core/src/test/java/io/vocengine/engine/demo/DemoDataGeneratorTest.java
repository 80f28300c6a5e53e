package io.vocengine.engine.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.vocengine.engine.demo.DemoDataGenerator.CUSTOMERS_FILE;
import static io.vocengine.engine.demo.DemoDataGenerator.DELIVERIES_FILE;
import static io.vocengine.engine.demo.DemoDataGenerator.EFFECTS_FILE;
import static io.vocengine.engine.demo.DemoDataGenerator.FEEDBACK_FILE;
import static io.vocengine.engine.demo.DemoDataGenerator.NPS_FILE;
import static io.vocengine.engine.demo.DemoDataGenerator.ORDERS_FILE;
import static io.vocengine.engine.demo.DemoDataGenerator.REPAIRS_FILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Determinism, configuration and the summary, on small datasets. */
class DemoDataGeneratorTest {
    private static final List<String> FILES = List.of(FEEDBACK_FILE, CUSTOMERS_FILE, ORDERS_FILE, DELIVERIES_FILE,
            REPAIRS_FILE, NPS_FILE, EFFECTS_FILE);
    private static final DemoConfig SMALL = DemoConfig.of(DemoConfig.DEFAULT_SEED, 4_000);

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        new DemoDataGenerator(SMALL).generate(tmp.resolve("a"));
        new DemoDataGenerator(SMALL).generate(tmp.resolve("b"));
        assertEquals(hashes(tmp.resolve("a")), hashes(tmp.resolve("b")));
    }

    @Test
    void differentSeedGivesDifferentFiles() throws IOException {
        new DemoDataGenerator(SMALL).generate(tmp.resolve("a"));
        new DemoDataGenerator(SMALL.withSeed(7)).generate(tmp.resolve("b"));
        Map<String, String> a = hashes(tmp.resolve("a")), b = hashes(tmp.resolve("b"));
        for (String f : FILES) assertNotEquals(a.get(f), b.get(f), f);
    }

    @Test
    void summaryCountsWhatWasWritten() throws IOException {
        DemoSummary s = new DemoDataGenerator(SMALL).generate(tmp);
        assertEquals(4_000, s.feedback());
        assertEquals(4_000, s.feedbackByDomain().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(List.of("ecommerce", "phone", "auto", "restaurant"), List.copyOf(s.feedbackByDomain().keySet()));
        for (String f : FILES) {
            if (f.equals(EFFECTS_FILE)) continue;
            long lines = Files.readAllLines(tmp.resolve(f)).size();
            long header = f.endsWith(".csv") ? 1 : 0;
            assertEquals(lines - header, (long) s.rows().get(f), f);
        }
        assertTrue(s.rows().get(REPAIRS_FILE) > 0 && s.rows().get(DELIVERIES_FILE) > 0);
    }

    @Test
    void defaultsMatchTheDocumentedValues() {
        DemoConfig d = DemoConfig.defaults();
        assertEquals(20240501L, d.seed());
        assertEquals(60_000, d.feedbackCount());
        assertEquals(30_000, d.customers());
        assertEquals(LocalDate.of(2025, 1, 1), d.start());
        assertEquals(LocalDate.of(2025, 12, 31), d.end());
    }

    @Test
    void rejectsConfigurationsThatCannotHoldTheEffects() {
        assertThrows(IllegalArgumentException.class, () -> DemoConfig.of(1, 10));
        assertThrows(IllegalArgumentException.class, () -> new DemoConfig(1, 5_000, 9_000, SMALL.start(), SMALL.end()));
        LocalDate jan = LocalDate.of(2025, 1, 1), mar = LocalDate.of(2025, 3, 1);
        assertThrows(IllegalArgumentException.class, () -> SMALL.withWindow(jan, mar));
    }

    @Test
    void aCustomWindowMovesEveryDate() throws IOException {
        DemoConfig shifted = SMALL.withWindow(LocalDate.of(2023, 7, 1), LocalDate.of(2024, 6, 30));
        new DemoDataGenerator(shifted).generate(tmp);
        DemoFiles f = new DemoFiles(tmp);
        for (var item : f.feedback) {
            LocalDate day = DemoFiles.day(item);
            assertTrue(!day.isBefore(shifted.start()) && !day.isAfter(shifted.end()), day.toString());
        }
        f.orders.forEach(o -> assertTrue(DemoFiles.date(o, "order_date").getYear() >= 2023));
    }

    private static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String f : FILES) out.put(f, sha256(Files.readAllBytes(dir.resolve(f))));
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
