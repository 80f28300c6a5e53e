package io.vocengine.engine.ingest;

/**
 * The encoding of an input cannot be decided, or the given one would produce mojibake. Thrown when the input is
 * opened, before any record is read; the message says what was wrong and which {@code --encoding} to pass.
 */
public final class InputEncodingException extends IngestException {
    public InputEncodingException(String message) {
        super(message);
    }
}
