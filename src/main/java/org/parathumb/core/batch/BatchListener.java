package org.parathumb.core.batch;

/** Hears about a batch as it runs. Called on the thread that runs the batch, in completion order. */
@FunctionalInterface
public interface BatchListener {

    /** One image finished, failed or was cancelled. */
    void onResult(ImageResult result);

    BatchListener NONE = result -> { };

    /** This listener, then {@code next}, for every result. */
    default BatchListener andThen(BatchListener next) {
        return result -> {
            onResult(result);
            next.onResult(result);
        };
    }
}
