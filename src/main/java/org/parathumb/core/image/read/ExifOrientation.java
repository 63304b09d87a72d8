package org.parathumb.core.image.read;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.Orientation;

/**
 * A file's EXIF orientation, as metadata-extractor reads it; damaged metadata reads as upright. A
 * JPEG's is read from its header by {@link JpegStructure} ({@link #tagOf}), and a PNG's from its
 * {@code eXIf} chunks ({@link #ofPng}): the same tag of the same directory, without reading all the
 * rest (for a PNG, metadata-extractor's first use also set up its XMP reader, the JDK's XML parser
 * and colour management: about 60 ms before a folder's first image).
 */
final class ExifOrientation {

    private static final int EXIF_CHUNK = 'e' << 24 | 'X' << 16 | 'I' << 8 | 'f';
    private static final int END_CHUNK = 'I' << 24 | 'E' << 16 | 'N' << 8 | 'D';
    /** A PNG's eXIf chunk larger than this is skipped, not read (a JPEG's EXIF is at most 64 KB). */
    private static final long MAX_EXIF = 16L << 20;

    private ExifOrientation() {
    }

    /** The EXIF orientation, or upright if the file has none or it cannot be read. */
    static Orientation of(Path file, ImageFormat format) {
        if (format == ImageFormat.BMP || format == ImageFormat.GIF) {
            return Orientation.NORMAL;
        }
        if (format == ImageFormat.PNG) {
            return ofPng(file);
        }
        return viaMetadataExtractor(file);
    }

    /** The EXIF orientation as metadata-extractor reads it from any file it knows. */
    static Orientation viaMetadataExtractor(Path file) {
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

    /**
     * A PNG's orientation: its first {@code eXIf} chunk's, before or after the image data, as
     * metadata-extractor takes it (it reads EXIF from no other PNG chunk, and from one eXIf only).
     * The chunks are walked by their lengths; the image data is skipped, not read.
     */
    static Orientation ofPng(Path file) {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            long at = 8; // the signature
            ByteBuffer head = ByteBuffer.allocate(8);
            while (at + 12 <= size) {
                head.clear();
                if (channel.read(head, at) < 8) {
                    break;
                }
                long length = head.getInt(0) & 0xFFFF_FFFFL;
                int type = head.getInt(4);
                if (at + 12 + length > size) {
                    break; // cut short
                }
                if (type == EXIF_CHUNK && length <= MAX_EXIF) {
                    ByteBuffer data = ByteBuffer.allocate((int) length);
                    while (data.hasRemaining() && channel.read(data, at + 8 + data.position()) > 0) {
                        // reads until the chunk is whole
                    }
                    return Orientation.ofTag(tagOf(data.array())); // only the first counts
                } else if (type == END_CHUNK) {
                    break;
                }
                at += 12 + length;
            }
            return Orientation.NORMAL;
        } catch (IOException | RuntimeException e) {
            return Orientation.NORMAL; // damaged metadata never stops a picture
        }
    }

    /**
     * The orientation tag (0x0112) of the first directory (IFD0) of the TIFF structure an EXIF
     * segment holds after its "Exif\0\0"; 0 when it has none or cannot be read.
     */
    static int tagOf(byte[] tiff) {
        if (tiff.length < 8) {
            return 0;
        }
        boolean little;
        if (tiff[0] == 'I' && tiff[1] == 'I') {
            little = true;
        } else if (tiff[0] == 'M' && tiff[1] == 'M') {
            little = false;
        } else {
            return 0;
        }
        if (unsigned16(tiff, 2, little) != 42) {
            return 0;
        }
        long directory = unsigned32(tiff, 4, little);
        if (directory < 8 || directory + 2 > tiff.length) {
            return 0;
        }
        int entries = unsigned16(tiff, (int) directory, little);
        if (entries > 0xFF && (entries & 0xFF) == 0) {
            // as metadata-extractor: software that changed a file's byte order but missed this directory
            little = !little;
            entries = unsigned16(tiff, (int) directory, little);
        }
        if (directory + 2 + 12L * entries + 4 > tiff.length) {
            return 0; // metadata-extractor refuses a directory that does not fit whole ("Illegally sized IFD")
        }
        for (int i = 0; i < entries; i++) {
            int entry = (int) directory + 2 + 12 * i;
            if (entry + 12 > tiff.length) {
                return 0;
            }
            if (unsigned16(tiff, entry, little) != 0x0112) {
                continue;
            }
            if (unsigned32(tiff, entry + 4, little) < 1) {
                return 0;
            }
            return switch (unsigned16(tiff, entry + 2, little)) {
                case 1 -> tiff[entry + 8] & 0xFF; // BYTE
                case 3 -> unsigned16(tiff, entry + 8, little); // SHORT, as the standard says
                case 4 -> (int) Math.min(Integer.MAX_VALUE, unsigned32(tiff, entry + 8, little)); // LONG
                default -> 0;
            };
        }
        return 0;
    }

    private static int unsigned16(byte[] b, int at, boolean little) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return little ? y << 8 | x : x << 8 | y;
    }

    private static long unsigned32(byte[] b, int at, boolean little) {
        long high = unsigned16(b, little ? at + 2 : at, little);
        long low = unsigned16(b, little ? at : at + 2, little);
        return high << 16 | low;
    }
}
