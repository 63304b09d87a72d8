package org.parathumb.ui;

/** Where the main window was and how large, remembered between sessions. */
record WindowPlace(double x, double y, double width, double height) {

    WindowPlace {
        if (!(width > 0 && height > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("not a window's place: " + x + "," + y + " " + width + "x" + height);
        }
    }
}
