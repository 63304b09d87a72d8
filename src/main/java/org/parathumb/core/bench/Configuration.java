package org.parathumb.core.bench;

/**
 * How a pass is scheduled: sequential (one plain loop on the calling thread, as the original
 * program) or parallel on the shared pool with {@code workers} threads.
 */
public record Configuration(boolean sequential, int workers) {

    public Configuration {
        if (workers < 1) {
            throw new IllegalArgumentException("a configuration needs at least one worker, got " + workers);
        }
        if (sequential && workers != 1) {
            throw new IllegalArgumentException("the sequential loop runs on exactly one thread");
        }
    }

    /** The one plain loop on the calling thread. */
    public static final Configuration SEQUENTIAL = new Configuration(true, 1);

    public static Configuration parallel(int workers) {
        return new Configuration(false, workers);
    }

    /** "seq", or the number of workers. */
    public String label() {
        return sequential ? "seq" : Integer.toString(workers);
    }
}
