package io.vocengine.taxonomy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaxonomyLoaderTest {
    private static Taxonomy parse(String yaml) {
        return TaxonomyLoader.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(String yaml) {
        return assertThrows(TaxonomyException.class, () -> parse(yaml)).problems();
    }

    private static final String HEADER = "taxonomy:\n  id: shop\n  name: 商店\nnodes:\n";

    @Test
    void shippedTaxonomiesLoadWithPathsAndVersions() {
        for (String name : List.of("ecommerce", "phone", "auto", "restaurant")) {
            Taxonomy t = TaxonomyLoader.loadShipped(name);
            assertEquals(name, t.id());
            assertTrue(t.version().matches(name + "@[0-9a-f]{12}"), t.version());
            assertTrue(t.nodes().size() >= 15, name + " has only " + t.nodes().size() + " nodes");
        }
        Taxonomy e = TaxonomyLoader.loadShipped("ecommerce");
        assertEquals(List.of("物流", "包装", "破损"), e.pathNames("ecommerce.logistics.packaging.damaged"));
        assertEquals(List.of("ecommerce.logistics", "ecommerce.logistics.packaging", "ecommerce.logistics.packaging.damaged"),
                e.pathIds("ecommerce.logistics.packaging.damaged"));
    }

    @Test
    void versionChangesWithAnyEdit() {
        String yaml = HEADER + "  - id: a\n    name: 甲\n    terms: [好]\n";
        assertNotEquals(parse(yaml).version(), parse(yaml + "# comment\n").version());
        assertEquals(parse(yaml).version(), parse(yaml).version());
    }

    @Test
    void everyStructuralProblemIsReportedWithLineAndNode() {
        List<String> p = problems(HEADER
                + "  - id: a\n    name: 甲\n    terms: [慢]\n"          // line 5
                + "  - id: a\n    name: 甲二\n    terms: [快]\n"        // line 8: duplicate
                + "  - id: b\n    parent: nowhere\n    name: 乙\n    aspcts: [x]\n    terms: [差]\n" // line 11
                + "  - id: c\n    name: 丙\n"                             // line 16: empty leaf
                + "  - id: d\n    name: 丁\n    terms: [慢]\n"          // line 18: contested term
                + "  - id: e\n    name: 戊\n    opinions: [好]\n    regex: ['(']\n"); // line 21
        String all = String.join("\n", p);
        assertTrue(all.contains("line 8 node 'a': duplicate id (first defined at line 5)"), all);
        assertTrue(all.contains("line 11 node 'b': unknown parent 'shop.nowhere'"), all);
        assertTrue(all.contains("line 11: node has unknown key 'aspcts'"), all);
        assertTrue(all.contains("line 16 node 'c': empty leaf node"), all);
        assertTrue(all.contains("line 18 node 'd': term '慢' is also claimed by 'a' (line 5)"), all);
        assertTrue(all.contains("line 21 node 'e': opinions need aspects"), all);
        assertTrue(all.contains("line 21 node 'e': bad regex '('"), all);
    }

    @Test
    void oppositesMustExistAndFixTheOtherPolarity() {
        String head = "taxonomy:\n  id: t\n  name: T\nnodes:\n";
        List<String> problems = problems(head
                + "  - id: smooth\n    name: 流畅\n    polarity: positive\n    terms: [流畅]\n    opposite: lag\n"
                + "  - id: lag\n    name: 卡顿\n    polarity: positive\n    terms: [卡顿]\n    opposite: smooth\n"
                + "  - id: crash\n    name: 闪退\n    polarity: negative\n    terms: [闪退]\n    opposite: nowhere\n");
        assertEquals(List.of("line 5 node 'smooth': opposite 't.lag' needs both nodes to fix opposite polarities (positive and negative)",
                "line 10 node 'lag': opposite 't.smooth' needs both nodes to fix opposite polarities (positive and negative)",
                "line 15 node 'crash': unknown opposite 't.nowhere'"), problems);
    }

    @Test
    void cyclesAreFound() {
        List<String> p = problems(HEADER + "  - id: a\n    parent: b\n    name: 甲\n    terms: [x]\n"
                + "  - id: b\n    parent: a\n    name: 乙\n    terms: [y]\n");
        assertTrue(p.stream().anyMatch(s -> s.contains("parent chain loops")), p.toString());
    }

    @Test
    void brokenYamlAndMissingHeaderAreClear() {
        assertTrue(problems("taxonomy: [").get(0).startsWith("not valid YAML"));
        assertTrue(problems("nodes: []\n").get(0).contains("missing 'taxonomy:' header"));
        assertTrue(problems(HEADER + "  - id: Bad-Id\n    name: x\n").get(0).contains("node id must be dotted lower-case"));
    }
}
