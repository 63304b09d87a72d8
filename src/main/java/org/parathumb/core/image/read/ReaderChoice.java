package org.parathumb.core.image.read;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.imageio.ImageIoPlugins;

/**
 * Which ImageIO reader reads a file, and from what input: plain JPEGs (gray, YCbCr) go to the
 * JDK's reader, on the system's libjpeg-turbo, which gives Pillow's very samples, with an ignorable
 * sRGB profile cut out of the stream rather than converted through; CMYK and YCCK JPEGs, TIFF, BMP
 * and WebP go to TwelveMonkeys' readers; PNG and GIF to the JDK's.
 */
final class ReaderChoice implements AutoCloseable {

    private static final String JDK_READERS = "com.sun.imageio.";
    private static final String TWELVEMONKEYS_READERS = "com.twelvemonkeys.";

    final ImageInputStream stream;
    final ImageFormat format;
    final ImageReader reader;
    /** The JPEG's structure, or null for any other format. */
    final JpegStructure jpeg;

    private ReaderChoice(ImageInputStream stream, ImageFormat format, ImageReader reader, JpegStructure jpeg) {
        this.stream = stream;
        this.format = format;
        this.reader = reader;
        this.jpeg = jpeg;
    }

    /** Opens {@code file}, whose content is {@code format}, with the reader chosen and set up. */
    static ReaderChoice open(Path file, ImageFormat format) throws IOException {
        ImageInputStream stream = openStream(file);
        try {
            JpegStructure jpeg = null;
            ImageInputStream input = stream;
            ImageReader reader;
            if (format == ImageFormat.JPEG) {
                jpeg = JpegStructure.read(stream);
                if (jpeg.colour().isPlain()) {
                    reader = reader(format, JDK_READERS);
                    if (jpeg.colour().hasIccProfile() && jpeg.colour().iccProfileIsIgnorable()) {
                        input = new ExcisedImageInputStream(stream, jpeg.iccSegmentStarts(), jpeg.iccSegmentEnds());
                    }
                } else {
                    reader = reader(format, TWELVEMONKEYS_READERS);
                }
            } else if (format == ImageFormat.PNG || format == ImageFormat.GIF) {
                reader = reader(format, JDK_READERS);
            } else {
                reader = reader(format, TWELVEMONKEYS_READERS);
            }
            reader.setInput(input, true, true);
            return new ReaderChoice(input, format, reader, jpeg);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /**
     * {@code file} as a stream ImageIO reads, which ends a read with {@link
     * org.parathumb.core.image.CancelledException} once the thread is interrupted; "permission
     * denied" or no such file otherwise.
     */
    static ImageInputStream openStream(Path file) throws IOException {
        try {
            return new CancellableFileImageInputStream(file.toFile());
        } catch (FileNotFoundException e) {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            return openByChannel(file, e);
        }
    }

    /**
     * A file {@code java.io.File} cannot reach although it exists: a name whose bytes are not
     * valid in the file-name encoding (File goes through a String; the Path keeps the bytes).
     * Opened through its Path instead; only a real refusal is "permission denied".
     */
    private static ImageInputStream openByChannel(Path file, FileNotFoundException cause) throws IOException {
        try {
            return new ChannelImageInputStream(file);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ImageFailure(ImageFailure.Kind.UNREADABLE, "permission denied", cause);
        }
    }

    /** The reader for {@code format} whose class starts with {@code preferred}, else any. */
    private static ImageReader reader(ImageFormat format, String preferred) throws ImageFailure {
        return ImageIoPlugins.preferring(ImageIO.getImageReadersByFormatName(format.imageIoName()), preferred,
                ImageReader::dispose).orElseThrow(() -> new ImageFailure(ImageFailure.Kind.UNSUPPORTED,
                        "unsupported format (no reader for " + format.name() + " installed)"));
    }

    /** "ImageIO (JDK)" or "ImageIO (TwelveMonkeys)": whose reader {@link #open} picks for {@code format}. */
    static String describe(ImageFormat format) {
        boolean jdk = format == ImageFormat.JPEG || format == ImageFormat.PNG || format == ImageFormat.GIF;
        return jdk ? "ImageIO (JDK" + (format == ImageFormat.JPEG ? "; TwelveMonkeys for CMYK" : "") + ")"
                : "ImageIO (TwelveMonkeys" + (format == ImageFormat.WEBP ? ", pure Java: pixels differ from Pillow's" : "")
                + ")";
    }

    /** Whether ImageIO has any reader for {@code format}. */
    static boolean hasReader(ImageFormat format) {
        return ImageIO.getImageReadersByFormatName(format.imageIoName()).hasNext();
    }

    /** Whether the reader got to (or near) the end of the file: a failure there is a cut. */
    boolean readToTheEnd() {
        try {
            long length = stream.length();
            return length > 0 && stream.getStreamPosition() >= length - 8;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        stream.close();
    }
}
