package org.parathumb.ui.bench;

/** Round tick spacings for chart axes. */
final class Ticks {

    private Ticks() {
    }

    /** A step of 1, 2 or 5 times a power of ten that cuts {@code range} into about {@code count} parts. */
    static double niceStep(double range, int count) {
        if (!(range > 0)) {
            return 1;
        }
        double raw = range / count;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
