package io.vocengine.engine.deps;

import io.vocengine.engine.model.Arc;
import io.vocengine.engine.model.Clause;
import io.vocengine.engine.model.Token;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A dependency parser over the pipeline's own tokens, for the tagger's deep mode. The engine ships none: Stanford
 * CoreNLP's Chinese parser is GPL, so it lives in the optional {@code engine/deep} module and is found at run time
 * through {@link ServiceLoader}. Implementations must be thread-safe.
 */
public interface DependencyParser {
    /** Arcs over {@code tokens} (indices into that list), sentence by sentence as the clauses group them. */
    List<Arc> parse(List<Token> tokens, List<Clause> clauses);

    /** The parser on the class path, if any. */
    static Optional<DependencyParser> installed() {
        return ServiceLoader.load(DependencyParser.class).findFirst();
    }
}
