package org.parathumb.ui;

import java.lang.management.ManagementFactory;

/**
 * Lets the window's heap shrink back once it is idle. A run of big images grows the heap to hold
 * their decode buffers; by default the JVM (G1) keeps the pages it committed until it exits, so a
 * window left open after a run of wallpapers held them all. These settings can be changed while
 * the JVM runs: a periodic collection once the window has gone {@link #PERIODIC_GC_MILLIS} without
 * one, and, only while nothing runs, a heap that keeps at most {@link #IDLE_MAX_FREE_PERCENT}% of
 * itself free, so that collection gives back the rest. During a run the JVM's own free ratios
 * stand: lowered then as well, they made G1 shrink and grow again mid-run, and the peak was
 * higher in the runs measured. Without G1 or HotSpot nothing changes.
 */
final class IdleHeap {

    private static final System.Logger LOG = System.getLogger(IdleHeap.class.getName());

    /** A collection after this much time without one: the window is idle. */
    static final long PERIODIC_GC_MILLIS = 15_000;
    static final int IDLE_MIN_FREE_PERCENT = 10;
    static final int IDLE_MAX_FREE_PERCENT = 30;

    private static String busyMin;
    private static String busyMax;

    private IdleHeap() {
    }

    /** Asks the running JVM to return idle heap; once per process is enough. */
    static synchronized void returnWhenIdle() {
        try {
            var vm = vm();
            if (busyMin != null || !"0".equals(vm.getVMOption("G1PeriodicGCInterval").getValue())) {
                return; // done already, or set on the command line: that choice stands
            }
            busyMin = vm.getVMOption("MinHeapFreeRatio").getValue();
            busyMax = vm.getVMOption("MaxHeapFreeRatio").getValue();
            vm.setVMOption("G1PeriodicGCInterval", Long.toString(PERIODIC_GC_MILLIS));
            idle(true);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "heap left as it is: {0}", e.toString());
        }
    }

    /** While {@code idle}, little free heap is kept; while a run or benchmark works, the JVM's own ratios. */
    static synchronized void idle(boolean idle) {
        if (busyMin == null) {
            return;
        }
        try {
            var vm = vm();
            if (idle) { // the minimum first: it may not exceed the maximum
                vm.setVMOption("MinHeapFreeRatio", Integer.toString(Math.min(IDLE_MIN_FREE_PERCENT, Integer.parseInt(busyMin))));
                vm.setVMOption("MaxHeapFreeRatio", Integer.toString(IDLE_MAX_FREE_PERCENT));
            } else {
                vm.setVMOption("MaxHeapFreeRatio", busyMax);
                vm.setVMOption("MinHeapFreeRatio", busyMin);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "heap free ratios left as they are: {0}", e.toString());
        }
    }

    private static com.sun.management.HotSpotDiagnosticMXBean vm() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
    }
}
