package io.vocengine.engine;

/** One engine per test JVM: loading HanLP and compiling the taxonomies takes a second or two. */
public final class TestEngines {
    private static volatile Engine shared;

    private TestEngines() {
    }

    public static Engine shared() {
        if (shared == null) {
            synchronized (TestEngines.class) {
                if (shared == null) shared = Engine.create(EngineConfig.defaults());
            }
        }
        return shared;
    }
}
