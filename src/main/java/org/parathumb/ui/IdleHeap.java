package org.parathumb.ui;

import java.lang.management.ManagementFactory;

/**
 * Lets the window's heap shrink back once it is idle. A run of big images grows the heap to hold
 * their decode buffers; by default the JVM (G1) keeps every page it committed until it exits, so a
 * window left open after a run of wallpapers held gigabytes. These settings can be changed while
 * the JVM runs: a periodic collection once the window has gone {@link #PERIODIC_GC_MILLIS} without
 * one, after which G1 gives back the heap it does not need (more than {@code MaxHeapFreeRatio},
 * 70% by default, free). During a run, collections come far more often than that, so the run's
 * own heap sizing is left alone: lowering the free ratios as well made G1 shrink and grow again
 * mid-run, and the peak was higher in the runs measured. Without G1 or HotSpot nothing changes.
 */
final class IdleHeap {

    private static final System.Logger LOG = System.getLogger(IdleHeap.class.getName());

    /** A collection after this much time without one: the window is idle. */
    static final long PERIODIC_GC_MILLIS = 15_000;

    private IdleHeap() {
    }

    /** Asks the running JVM to return idle heap; once per process is enough. */
    static void returnWhenIdle() {
        try {
            var vm = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (!"0".equals(vm.getVMOption("G1PeriodicGCInterval").getValue())) {
                return; // set on the command line: that choice stands
            }
            vm.setVMOption("G1PeriodicGCInterval", Long.toString(PERIODIC_GC_MILLIS));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "heap left as it is: {0}", e.toString());
        }
    }
}
