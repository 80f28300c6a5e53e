package io.vocengine.engine.tag;

import io.vocengine.engine.Engine;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.Tag;
import io.vocengine.engine.model.Tagging;
import io.vocengine.engine.pipeline.Key;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyException;
import io.vocengine.taxonomy.TaxonomyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A taxonomy's node examples as tests of the taxonomy and the tagger together: each positive example must be
 * tagged with its node, each negative one must not. Run when an engine is built, so a taxonomy whose own examples
 * fail is refused with the file, line and node of each failure, like any other validation error.
 */
public final class TaxonomyExamples {
    private TaxonomyExamples() {
    }

    /** One example and whether the engine tags it as the node says. */
    public record Check(TaxonomyNode node, String text, boolean positive, List<String> tagged) {
        public boolean holds() {
            return tagged.contains(node.id()) == positive;
        }

        public String problem() {
            return "line " + node.line() + " node '" + node.localId() + "': " + (positive ? "positive" : "negative")
                    + " example '" + text + "' is " + (positive ? "not tagged with it" : "tagged with it")
                    + " (tags: " + tagged + ")";
        }
    }

    public static List<Check> run(Engine engine, Taxonomy taxonomy) {
        return run(engine, taxonomy, Keys.TAGS);
    }

    /** The examples of a taxonomy whose tags the pipeline puts in {@code slot} (the risk taxonomy's are not domain tags). */
    public static List<Check> run(Engine engine, Taxonomy taxonomy, Key<Tagging> slot) {
        List<Check> out = new ArrayList<>();
        for (TaxonomyNode n : taxonomy.nodes().values()) {
            for (String text : n.examples().positive()) out.add(new Check(n, text, true, tagged(engine, taxonomy, text, slot)));
            for (String text : n.examples().negative()) out.add(new Check(n, text, false, tagged(engine, taxonomy, text, slot)));
        }
        return out;
    }

    /** @throws TaxonomyException listing every example of the taxonomy that fails */
    public static void require(Engine engine, Taxonomy taxonomy, Key<Tagging> slot) {
        List<String> problems = run(engine, taxonomy, slot).stream().filter(c -> !c.holds()).map(Check::problem).toList();
        if (!problems.isEmpty()) throw new TaxonomyException(taxonomy.source(), problems);
    }

    private static List<String> tagged(Engine engine, Taxonomy taxonomy, String text, Key<Tagging> slot) {
        Feedback f = new Feedback("example", text, null, null, null, null, null, null, null, null, null, null,
                Map.of("domain", taxonomy.id()));
        return engine.analyse(f).get(slot).tags().stream().map(Tag::nodeId).toList();
    }
}
