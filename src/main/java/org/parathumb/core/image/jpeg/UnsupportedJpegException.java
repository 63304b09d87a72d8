package org.parathumb.core.image.jpeg;


/**
 * The {@link ScaledJpegDecoder} cannot decode this file (not a JPEG, or a kind it leaves to
 * ImageIO: progressive, arithmetic, 12-bit, CMYK, colour-managed, rotated, corrupt...). Not an
 * error for users: the caller falls back to the full {@link org.parathumb.core.image.read.ImageDecoder}.
 */
public final class UnsupportedJpegException extends Exception {

    UnsupportedJpegException(String reason) {
        super(reason, null, false, false);
    }
}
