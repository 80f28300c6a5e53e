package io.vocengine.engine.bundle;

/** A model bundle that cannot be used: missing, unreadable, corrupt or of the wrong kind. The message says which. */
public final class BundleException extends RuntimeException {
    public BundleException(String message) {
        super(message);
    }
}
