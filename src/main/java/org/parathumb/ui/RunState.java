package org.parathumb.ui;

/** Where a run stands: idle (nothing run yet), running, cancelling, then done or cancelled. */
public enum RunState {
    IDLE,
    RUNNING,
    CANCELLING,
    DONE,
    CANCELLED;

    /** Whether a run is under way: workers may still be busy with it. */
    public boolean isActive() {
        return this == RUNNING || this == CANCELLING;
    }
}
