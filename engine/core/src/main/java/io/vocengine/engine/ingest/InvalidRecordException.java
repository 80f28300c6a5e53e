package io.vocengine.engine.ingest;

import io.vocengine.engine.model.ErrorCode;

/**
 * One record cannot become a {@link io.vocengine.engine.model.Feedback}: it is not a JSON object (MALFORMED_JSON) or a
 * field has a wrong value (INVALID_FIELD). The message names the field, the value and what was expected; the source
 * turns it into an {@link IngestRecord.Rejected}.
 */
public final class InvalidRecordException extends Exception {
    private final ErrorCode code;

    public InvalidRecordException(ErrorCode code, String message) {
        // No stack trace: bad records are expected data, and a file of them must not cost a stack walk each.
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
