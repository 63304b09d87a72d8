package org.parathumb.core.image;

/**
 * The {@link ScaledJpegDecoder} cannot decode this file (not a JPEG, or a kind it leaves to
 * ImageIO: progressive, arithmetic, 12-bit, CMYK, colour-managed, rotated, corrupt...). Not an
 * error for users: the caller falls back to the full {@link ImageDecoder}.
 */
final class UnsupportedJpegException extends Exception {

    UnsupportedJpegException(String reason) {
        super(reason, null, false, false);
    }
}
