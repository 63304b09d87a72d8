package org.parathumb.core.batch;

/**
 * Hears each stage of an image start, on the worker that runs it: what a live view needs to show
 * which file each worker is on and what it is doing. Called on hot paths: implementations only
 * record (a volatile write, a map put), never block, and never throw.
 */
@FunctionalInterface
public interface StageListener {

    /** The stages {@link ImageProcessor#process} goes through, in order. */
    enum Stage {
        /** Reading the header (skipped when the job came with one). */
        HEADER("header"),
        /** Waiting for the memory budget to fit the image's working set. */
        WAITING_FOR_MEMORY("waiting for memory"),
        /** Decoding, blurring and resizing: one streamed pass in the pipelines, not three steps. */
        RENDER("decode · blur · resize"),
        /** Encoding the thumbnail. */
        ENCODE("encode"),
        /** Writing it and moving it into place. */
        WRITE("write");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        /** What a user reads: "decode · blur · resize". */
        public String label() {
            return label;
        }
    }

    /** {@code job} entered {@code stage} on the calling thread. */
    void onStage(ImageJob job, Stage stage);

    StageListener NONE = (job, stage) -> { };
}
