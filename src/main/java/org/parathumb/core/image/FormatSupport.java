package org.parathumb.core.image;

import java.util.Objects;

/**
 * Whether this installation reads a format, and with what ("libwebp 1.2.4", "ImageIO (JDK)"), or
 * what to install for it ("needs libheif1 ...").
 */
public record FormatSupport(ImageFormat format, boolean readable, String reader) {

    public FormatSupport {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(reader, "reader");
    }
}
