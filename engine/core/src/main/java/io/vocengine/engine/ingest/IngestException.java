package io.vocengine.engine.ingest;

import java.io.IOException;

/**
 * A whole input cannot be read as asked: a CSV without a text column, an undecidable encoding, a directory given as
 * a file. The message names the input and says what to do. Single records never throw this; they come back as
 * {@link IngestRecord.Rejected}. An {@link IOException} so callers that open inputs handle it with other I/O failures.
 */
public class IngestException extends IOException {
    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
