package io.vocengine.engine.deps;

import io.vocengine.engine.model.Arc;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.pipeline.Key;
import io.vocengine.engine.pipeline.Keys;
import io.vocengine.engine.pipeline.Stage;

import java.util.List;
import java.util.Set;

/** Deep mode: parses each item's sentences so that the tagger pairs aspects only with the opinions they govern. */
public final class DependencyStage implements Stage<List<Arc>> {
    private final DependencyParser parser;

    public DependencyStage(DependencyParser parser) {
        this.parser = parser;
    }

    @Override
    public String name() {
        return "dependencies";
    }

    @Override
    public Set<Key<?>> inputs() {
        return Set.of(Keys.TOKENS, Keys.CLAUSES);
    }

    @Override
    public Key<List<Arc>> output() {
        return Keys.DEPENDENCIES;
    }

    @Override
    public List<Arc> process(Analysis item) {
        return List.copyOf(parser.parse(item.tokens(), item.clauses()));
    }
}
