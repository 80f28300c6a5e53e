package io.vocengine.engine.demo;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandTest {
    /** Neighbouring seeds, and different stages of one seed, must not replay each other's draws shifted by a few. */
    @Test
    void streamsDoNotOverlap() {
        Set<Long> seen = new HashSet<>();
        int draws = 0;
        for (long seed : new long[]{1, 2, 3, DemoConfig.DEFAULT_SEED, DemoConfig.DEFAULT_SEED + 1}) {
            for (String stage : new String[]{"ops", "plant", "plan", "text", "noise"}) {
                Rand r = Rand.stream(seed, stage);
                for (int i = 0; i < 1_000; i++, draws++) seen.add(r.nextLong());
            }
        }
        assertEquals(draws, seen.size());
    }

    @Test
    void helpersStayInRange() {
        Rand r = Rand.stream(9, "t");
        LocalDate from = LocalDate.of(2025, 1, 1), to = LocalDate.of(2025, 1, 3);
        for (int i = 0; i < 1_000; i++) {
            int x = r.between(2, 4);
            assertTrue(x >= 2 && x <= 4);
            LocalDate d = r.day(from, to);
            assertTrue(!d.isBefore(from) && !d.isAfter(to));
            assertEquals(1, r.weighted(new double[]{0, 1, 0}));
        }
        assertEquals(from, r.day(from, from));
        double sum = 0;
        for (int i = 0; i < 20_000; i++) sum += r.binomial(10, 0.82);
        assertEquals(8.2, sum / 20_000, 0.05);
        assertEquals("C000042", Ids.of("C", 42, 6));
        assertEquals("FB12345678", Ids.of("FB", 12345678, 7));
    }
}
