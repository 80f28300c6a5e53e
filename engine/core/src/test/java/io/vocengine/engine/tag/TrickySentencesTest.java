package io.vocengine.engine.tag;

import io.vocengine.engine.EngineConfig;
import io.vocengine.engine.TestEngines;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Tag;
import io.vocengine.taxonomy.Polarity;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-written sentences that test negation and contrast handling across the four shipped taxonomies
 * ({@code tricky-sentences.tsv}: domain, category, text, expectations). {@code +id} needs the node or a descendant
 * tagged, {@code +id:polarity} also with that polarity, {@code -id} neither the node nor a descendant.
 */
class TrickySentencesTest {
    private static final String FILE = "tricky-sentences.tsv";
    /** The measured pass rate rounded down, so that a regression fails. */
    private static final double FLOOR = 0.95; // the issue-4 target; measured 205/210 = 0.976

    private record Expectation(boolean present, String nodeId, Polarity polarity) {
        @Override
        public String toString() {
            return (present ? "+" : "-") + nodeId + (polarity == null ? "" : ":" + polarity.name().toLowerCase(Locale.ROOT));
        }
    }

    private record Case(int line, String domain, String category, String text, List<Expectation> expectations) {
    }

    private static final Set<String> CATEGORIES = Set.of("negation", "denial-after", "fused-negation", "double-negation",
            "contrast", "concession", "rhetorical", "degree", "distant-negator", "mixed");
    private static final Map<String, Taxonomy> TAXONOMIES = new ConcurrentHashMap<>();

    private static Taxonomy taxonomy(String domain) {
        return TAXONOMIES.computeIfAbsent(domain, TaxonomyLoader::loadShipped);
    }

    /** The cases of the file; a malformed line fails with its number. */
    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = TrickySentencesTest.class.getResourceAsStream(FILE)) {
            assertTrue(in != null, FILE + " is missing from the test class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                assertEquals(4, f.length, FILE + " line " + n + ": expected 4 tab-separated columns: " + line);
                assertTrue(EngineConfig.SHIPPED_TAXONOMIES.contains(f[0].trim()), FILE + " line " + n + ": unknown domain " + f[0]);
                assertTrue(CATEGORIES.contains(f[1].trim()), FILE + " line " + n + ": unknown category " + f[1]);
                List<Expectation> expectations = new ArrayList<>();
                for (String e : f[3].trim().split(" +")) {
                    assertTrue(e.matches("[+-][a-z0-9_.]+(:(positive|negative|neutral))?") && !e.matches("-.*:.*"),
                            FILE + " line " + n + ": bad expectation '" + e + "'");
                    String[] idAndPolarity = e.substring(1).split(":");
                    expectations.add(new Expectation(e.charAt(0) == '+', idAndPolarity[0], idAndPolarity.length == 1
                            ? null : Polarity.valueOf(idAndPolarity[1].toUpperCase(Locale.ROOT))));
                }
                cases.add(new Case(n, f[0].trim(), f[1].trim(), f[2].trim(), expectations));
            }
        }
        return cases;
    }

    @Test
    void everyLineNamesNodesOfItsTaxonomy() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> perDomain = new TreeMap<>();
        for (Case c : cases()) {
            perDomain.merge(c.domain(), 1, Integer::sum);
            Taxonomy t = taxonomy(c.domain());
            for (Expectation e : c.expectations()) {
                if (!t.nodes().containsKey(e.nodeId())) problems.add("line " + c.line() + ": unknown node '" + e.nodeId() + "'");
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(EngineConfig.SHIPPED_TAXONOMIES.stream().sorted().toList(), List.copyOf(perDomain.keySet()));
        perDomain.forEach((d, count) -> assertTrue(count >= 35, d + " has only " + count + " cases"));
    }

    @Test
    void passRateHoldsTheFloor() throws IOException {
        List<Case> cases = cases();
        Map<String, int[]> byCategory = new TreeMap<>();
        Map<String, int[]> byDomain = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (Case c : cases) {
            List<Tag> tags = TestEngines.shared().analyse(new Feedback("t", c.text(), null, null, null, null, null,
                    null, null, null, null, null, Map.of("domain", c.domain()))).tagging().tags();
            Taxonomy t = taxonomy(c.domain());
            List<Expectation> missed = c.expectations().stream().filter(e -> !holds(e, tags, t)).toList();
            boolean pass = missed.isEmpty();
            if (pass) passed++;
            count(byCategory, c.category(), pass);
            count(byDomain, c.domain(), pass);
            if (!pass) {
                failures.add("line " + c.line() + " " + c.domain() + "/" + c.category() + " " + c.text() + "\n    missed "
                        + missed + " of " + c.expectations() + "\n    got " + tags.stream().map(TrickySentencesTest::show).toList());
            }
        }
        double rate = (double) passed / cases.size();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "tricky sentences: %d/%d pass (%.3f)%n",
                passed, cases.size(), rate));
        table(out, "category", byCategory);
        table(out, "domain", byDomain);
        failures.forEach(f -> out.append("FAIL ").append(f).append('\n'));
        System.out.print(out);
        assertTrue(rate >= FLOOR, String.format(Locale.ROOT, "pass rate %.3f fell below %.2f", rate, FLOOR));
    }

    /** A tag on a descendant counts as a tag on its ancestor. */
    private static boolean holds(Expectation e, List<Tag> tags, Taxonomy t) {
        Predicate<Tag> under = tag -> t.pathIds(tag.nodeId()).contains(e.nodeId());
        if (!e.present()) return tags.stream().noneMatch(under);
        return tags.stream().anyMatch(under.and(tag -> e.polarity() == null || tag.polarity() == e.polarity()));
    }

    private static String show(Tag t) {
        return t.nodeId() + ":" + t.polarity().name().toLowerCase(Locale.ROOT);
    }

    private static void count(Map<String, int[]> counts, String key, boolean pass) {
        int[] c = counts.computeIfAbsent(key, k -> new int[2]);
        if (pass) c[0]++;
        c[1]++;
    }

    private static void table(StringBuilder out, String title, Map<String, int[]> counts) {
        out.append(String.format(Locale.ROOT, "%-16s %5s %5s %6s%n", title, "pass", "total", "rate"));
        counts.forEach((k, c) -> out.append(String.format(Locale.ROOT, "  %-14s %5d %5d %6.2f%n", k, c[0], c[1],
                (double) c[0] / c[1])));
    }
}
