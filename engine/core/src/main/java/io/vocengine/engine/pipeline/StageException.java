package io.vocengine.engine.pipeline;

import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.ItemError;

/** One item failed in one stage. Carries a coded {@link ItemError}; the run goes on with the next item. */
public final class StageException extends RuntimeException {
    private final ItemError error;

    public StageException(ItemError error, Throwable cause) {
        super(error.stage() + ": " + error.message(), cause);
        this.error = error;
    }

    public StageException(String stage, String message) {
        this(new ItemError(ErrorCode.STAGE_FAILED, stage, message), null);
    }

    public ItemError error() {
        return error;
    }
}
