package io.vocengine.engine.tag;

import io.vocengine.engine.EngineConfig;
import io.vocengine.engine.TestEngines;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyException;
import io.vocengine.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each node's examples in the shipped taxonomies are tests of the taxonomy and the tagger together. */
class TaxonomyExamplesTest {
    @TestFactory
    List<DynamicTest> shippedExamplesHold() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : EngineConfig.SHIPPED_TAXONOMIES) {
            for (TaxonomyExamples.Check c : TaxonomyExamples.run(TestEngines.shared(), TaxonomyLoader.loadShipped(name))) {
                tests.add(DynamicTest.dynamicTest(c.node().id() + (c.positive() ? " ⊢ " : " ⊬ ") + c.text(),
                        () -> assertTrue(c.holds(), c::problem)));
            }
        }
        return tests;
    }

    @Test
    void aTaxonomyWhoseOwnExamplesFailIsRefusedWithLineAndNode() {
        String yaml = """
                taxonomy:
                  id: shop
                  name: 商店
                nodes:
                  - id: logistics
                    name: 物流
                    terms: [物流]
                    examples:
                      positive: [快递很快]
                      negative: [物流很慢]
                """;
        Taxonomy t = TaxonomyLoader.parse("shop.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        TaxonomyException e = assertThrows(TaxonomyException.class,
                () -> io.vocengine.engine.Engine.create(new EngineConfig(List.of(t), 1000)));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("taxonomy shop.yaml is invalid"), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("line 5 node 'logistics': positive example '快递很快' is not tagged"),
                e.problems().get(0));
        assertTrue(e.problems().get(1).contains("negative example '物流很慢' is tagged with it"), e.problems().get(1));
    }
}
