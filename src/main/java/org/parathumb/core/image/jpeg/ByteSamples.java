package org.parathumb.core.image.jpeg;

/** 8-bit samples. */
final class ByteSamples {

    private ByteSamples() {
    }

    /** {@code value} clamped to 0..255, as an unsigned byte. */
    static byte clamp(int value) {
        return (byte) (value < 0 ? 0 : Math.min(value, 255));
    }
}
