package org.parathumb.core.image.read;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.Orientation;

/** A file's EXIF orientation, as metadata-extractor reads it; damaged metadata reads as upright. */
final class ExifOrientation {

    private ExifOrientation() {
    }

    /** The EXIF orientation, or upright if the file has none or it cannot be read. */
    static Orientation of(Path file, ImageFormat format) {
        if (format == ImageFormat.BMP || format == ImageFormat.GIF) {
            return Orientation.NORMAL;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            Metadata metadata = ImageMetadataReader.readMetadata(in);
            for (ExifIFD0Directory exif : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                Integer tag = exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
                if (tag != null) {
                    return Orientation.ofTag(tag);
                }
            }
            return Orientation.NORMAL;
        } catch (Exception | StackOverflowError e) {
            return Orientation.NORMAL; // damaged metadata never stops a picture
        }
    }
}
