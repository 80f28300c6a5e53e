package io.vocengine.engine.resources;

import java.util.function.Supplier;

/**
 * A resource loaded on first use and then shared by every thread of the JVM. A failed load is not remembered: each
 * later call tries again and fails with the loader's own exception and message, where a static holder class would
 * answer every call after the first with a bare NoClassDefFoundError.
 */
public final class Once<T> {
    private final Supplier<T> loader;
    private volatile T value;

    public Once(Supplier<T> loader) {
        this.loader = loader;
    }

    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) value = v = loader.get();
            }
        }
        return v;
    }
}
