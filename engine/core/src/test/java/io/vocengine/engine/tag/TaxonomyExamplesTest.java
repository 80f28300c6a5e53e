package io.vocengine.engine.tag;

import io.vocengine.engine.EngineConfig;
import io.vocengine.engine.TestEngines;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Tag;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;
import io.vocengine.taxonomy.TaxonomyNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each node's examples in the shipped taxonomies are tests of the taxonomy and the tagger together. */
class TaxonomyExamplesTest {
    @TestFactory
    List<DynamicTest> shippedExamplesHold() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : EngineConfig.SHIPPED_TAXONOMIES) {
            Taxonomy t = TaxonomyLoader.loadShipped(name);
            for (TaxonomyNode n : t.nodes().values()) {
                for (String text : n.examples().positive()) {
                    tests.add(DynamicTest.dynamicTest(n.id() + " ⊢ " + text,
                            () -> assertTrue(tagged(name, text).contains(n.id()), () -> text + " → " + tagged(name, text))));
                }
                for (String text : n.examples().negative()) {
                    tests.add(DynamicTest.dynamicTest(n.id() + " ⊬ " + text,
                            () -> assertFalse(tagged(name, text).contains(n.id()), () -> text + " → " + tagged(name, text))));
                }
            }
        }
        return tests;
    }

    private static List<String> tagged(String domain, String text) {
        Feedback f = new Feedback("x", text, null, null, null, null, null, null, null, null, null, null, Map.of("domain", domain));
        return TestEngines.shared().analyse(f).tagging().tags().stream().map(Tag::nodeId).toList();
    }
}
