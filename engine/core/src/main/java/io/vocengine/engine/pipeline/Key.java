package io.vocengine.engine.pipeline;

/**
 * A typed slot of an {@link Analysis}. Identity-based: two keys with the same name are different keys.
 * Keys are constants; see {@link Keys}.
 */
public final class Key<T> {
    private final String name;

    private Key(String name) {
        this.name = name;
    }

    public static <T> Key<T> of(String name) {
        return new Key<>(name);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
