package org.parathumb.core.bench;

/** What a benchmark pass does. */
public enum Workload {

    /** The thumbnail pipeline on every image, outputs into a temporary folder. */
    THUMBNAILS("thumbnails", "the thumbnail pipeline on each image"),

    /**
     * The original program's first example: a few tasks that each count to a number with
     * {@code result += 1}. Pure CPU, no memory traffic, no I/O: the upper bound of what more
     * threads can buy on this machine.
     */
    CPU_LOOP("cpu-loop", "tasks that each count to N with result += 1: pure CPU, no memory, no I/O");

    private final String id;
    private final String description;

    Workload(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name users type ("thumbnails", "cpu-loop"). */
    public String id() {
        return id;
    }

    /** One line saying what the workload measures. */
    public String description() {
        return description;
    }

    /** The workload named {@code id}, as typed on a command line. */
    public static Workload fromId(String id) {
        for (Workload workload : values()) {
            if (workload.id.equalsIgnoreCase(id.strip())) {
                return workload;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a workload: use thumbnails or cpu-loop");
    }
}
