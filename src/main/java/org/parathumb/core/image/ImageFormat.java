package org.parathumb.core.image;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** A file format Parathumb writes, with the extension and ImageIO name it goes by. */
public enum ImageFormat {
    JPEG("jpg", "jpeg"),
    PNG("png", "png");

    private final String extension;
    private final String imageIoName;

    ImageFormat(String extension, String imageIoName) {
        this.extension = extension;
        this.imageIoName = imageIoName;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format name ImageIO knows the writer by. */
    public String imageIoName() {
        return imageIoName;
    }

    /** The format a file name's extension promises, in any case: {@code a.JPEG} is JPEG. */
    public static Optional<ImageFormat> fromFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".jpe") || name.endsWith(".jfif")) {
            return Optional.of(JPEG);
        }
        if (name.endsWith(".png")) {
            return Optional.of(PNG);
        }
        return Optional.empty();
    }
}
