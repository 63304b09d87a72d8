package org.parathumb.core.image.read;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.Orientation;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.imageio.ImageIoPlugins;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.LayoutConversion;
import org.parathumb.core.image.pixels.Scratch;

/**
 * Decodes JPEG, PNG, GIF (first frame), BMP, TIFF and WebP files with ImageIO into a
 * {@link PixelLayout}, as Pillow opens them: 8-bit gray stays gray, RGB stays RGB, alpha stays
 * RGBA, samples are not colour managed. Those three decode straight into a reused per-thread
 * buffer; anything else (palette, 16-bit, gray with alpha, CMYK) is converted to the nearest
 * layout ({@link LayoutConversion}).
 *
 * <p>The format comes from the content, never the file name. Plain JPEGs (gray, YCbCr) are read
 * by the JDK's reader, on the system's libjpeg-turbo, which gives Pillow's very samples; CMYK and
 * YCCK JPEGs, TIFF, BMP and WebP by TwelveMonkeys' readers. An embedded sRGB profile is skipped
 * rather than converted through. Every problem ends as an {@link ImageFailure} with a one-line
 * reason; a truncated or damaged file is a failure, never a silently grey thumbnail.
 */
public final class ImageDecoder {

    private static final String JDK_READERS = "com.sun.imageio.";
    private static final String TWELVEMONKEYS_READERS = "com.twelvemonkeys.";

    /** Reads the header of {@code file}: format, size, orientation, layout. Decodes no pixel. */
    public ImageHeader readHeader(Path file) throws IOException {
        try (Source source = Source.open(file)) {
            ImageReader reader = source.reader;
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw new ImageFailure(ImageFailure.Kind.CORRUPT, "corrupt image data (size " + width + "x" + height + ")");
            }
            ImageTypeSpecifier raw = rawType(reader);
            PixelLayout direct = raw == null ? null : directLayout(raw.getColorModel());
            PixelLayout layout = direct != null ? direct : nearestLayout(raw);
            int readerBytes = direct != null ? 0 : readerBytesPerPixel(raw, source);
            return new ImageHeader(source.format, width, height, orientation(file, source.format), layout, readerBytes);
        } catch (ImageFailure | NoSuchFileException | CancelledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw classify(e, List.of(), -1, false);
        }
    }

    /** Decodes {@code file}, into {@code scratch}'s byte buffer when the layout allows it. */
    public DecodedImage decode(Path file, Scratch scratch) throws IOException {
        try (Source source = Source.open(file)) {
            ImageReader reader = source.reader;
            List<String> warnings = new ArrayList<>();
            Progress progress = new Progress();
            reader.addIIOReadWarningListener(progress);
            reader.addIIOReadProgressListener(progress);
            BufferedImage image;
            try {
                image = read(reader, scratch);
            } catch (CancelledException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancelledException();
                }
                throw classify(e, progress.warnings, progress.percent, source.readToTheEnd());
            }
            warnings.addAll(progress.warnings);
            checkWarnings(warnings, image, source);
            return new DecodedImage(image, source.format);
        } catch (ImageFailure | NoSuchFileException | CancelledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw classify(e, List.of(), -1, false);
        }
    }

    /** An open file with its format sniffed and its reader chosen and set up. */
    private static final class Source implements AutoCloseable {
        final ImageInputStream stream;
        final ImageFormat format;
        final ImageReader reader;
        final JpegStructure jpeg;

        private Source(ImageInputStream stream, ImageFormat format, ImageReader reader, JpegStructure jpeg) {
            this.stream = stream;
            this.format = format;
            this.reader = reader;
            this.jpeg = jpeg;
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

        static Source open(Path file) throws IOException {
            CancelledException.checkInterrupt();
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                String what = attributes.isDirectory() ? "a folder"
                        : Files.isSymbolicLink(file) && !Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "a broken link"
                        : "a device, pipe or socket";
                throw new ImageFailure(ImageFailure.Kind.UNREADABLE, "not a regular file (" + what + ")");
            }
            if (attributes.size() == 0) {
                throw new ImageFailure(ImageFailure.Kind.NOT_AN_IMAGE, "empty file (0 bytes)");
            }
            ImageInputStream stream;
            try {
                stream = new FileImageInputStream(file.toFile());
            } catch (FileNotFoundException e) {
                if (!Files.exists(file)) {
                    throw new NoSuchFileException(file.toString());
                }
                stream = openByChannel(file, e);
            }
            try {
                byte[] head = new byte[32];
                int n = 0;
                for (int r; n < head.length && (r = stream.read(head, n, head.length - n)) > 0; ) {
                    n += r;
                }
                stream.seek(0);
                ImageFormat format = ImageFormat.sniff(head, n).orElseThrow(
                        () -> new ImageFailure(ImageFailure.Kind.NOT_AN_IMAGE, "not an image (unrecognised content)"));
                JpegStructure jpeg = null;
                ImageInputStream input = stream;
                ImageReader reader;
                if (format == ImageFormat.JPEG) {
                    jpeg = JpegStructure.read(stream);
                    if (jpeg.isPlain()) {
                        reader = reader(format, JDK_READERS);
                        if (jpeg.hasIccProfile() && jpeg.iccProfileIsIgnorable()) {
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
                return new Source(input, format, reader, jpeg);
            } catch (IOException | RuntimeException e) {
                stream.close();
                throw e;
            }
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

    /** The reader for {@code format} whose class starts with {@code preferred}, else any. */
    private static ImageReader reader(ImageFormat format, String preferred) throws ImageFailure {
        return ImageIoPlugins.preferring(ImageIO.getImageReadersByFormatName(format.imageIoName()), preferred,
                ImageReader::dispose).orElseThrow(() -> new ImageFailure(ImageFailure.Kind.UNSUPPORTED,
                        "unsupported format (no reader for " + format.name() + " installed)"));
    }

    private static BufferedImage read(ImageReader reader, Scratch scratch) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if ((long) width * height > Integer.MAX_VALUE / 4) {
            throw new ImageFailure(ImageFailure.Kind.TOO_LARGE, "too large (" + width + "x" + height + " pixels)");
        }
        ImageTypeSpecifier raw = rawType(reader);
        PixelLayout layout = raw == null ? null : directLayout(raw.getColorModel());
        ImageReadParam param = reader.getDefaultReadParam();
        if (layout == null) {
            CancelledException.checkInterrupt();
            BufferedImage decoded = reader.read(0, param);
            CancelledException.checkInterrupt();
            return LayoutConversion.toLayout(decoded);
        }
        long size = (long) width * height * layout.channels();
        BufferedImage destination = layout.wrap(
                scratch.bytes((int) size), width, height, raw.getColorModel().getColorSpace());
        param.setDestination(destination);
        CancelledException.checkInterrupt();
        BufferedImage decoded = reader.read(0, param);
        CancelledException.checkInterrupt();
        return decoded;
    }

    private static ImageTypeSpecifier rawType(ImageReader reader) throws IOException {
        try {
            return reader.getRawImageType(0);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** The layout a file's raw type decodes into directly, or null if it needs converting. */
    private static PixelLayout directLayout(ColorModel model) {
        if (!(model instanceof ComponentColorModel) || model.isAlphaPremultiplied()) {
            return null;
        }
        for (int size : model.getComponentSize()) {
            if (size != 8) {
                return null;
            }
        }
        int spaceType = model.getColorSpace().getType();
        int components = model.getNumComponents();
        if (spaceType == ColorSpace.TYPE_GRAY && components == 1) {
            return PixelLayout.GRAY;
        }
        if (spaceType == ColorSpace.TYPE_RGB && components == 3 && !model.hasAlpha()) {
            return PixelLayout.RGB;
        }
        if (spaceType == ColorSpace.TYPE_RGB && components == 4 && model.hasAlpha()) {
            return PixelLayout.RGBA;
        }
        return null;
    }

    private static PixelLayout nearestLayout(ImageTypeSpecifier raw) {
        if (raw == null) {
            return PixelLayout.RGBA;
        }
        ColorModel model = raw.getColorModel();
        if (model.hasAlpha()) {
            return PixelLayout.RGBA;
        }
        if (model instanceof ComponentColorModel && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            return PixelLayout.GRAY;
        }
        return PixelLayout.RGB;
    }

    /** Bytes per pixel a reader's own image takes before conversion (CMYK: the CMYK and the RGB). */
    private static int readerBytesPerPixel(ImageTypeSpecifier raw, Source source) {
        int bits = raw == null ? 32 : raw.getSampleModel().getNumBands() * maxSampleSize(raw);
        int bytes = Math.max(1, (bits + 7) / 8);
        if (source.jpeg != null && !source.jpeg.isPlain()) {
            bytes += 4; // TwelveMonkeys converts CMYK/YCCK into a second, RGB image
        }
        return bytes;
    }

    private static int maxSampleSize(ImageTypeSpecifier raw) {
        int max = 1;
        for (int size : raw.getSampleModel().getSampleSize()) {
            max = Math.max(max, size);
        }
        return max;
    }

    /** The EXIF orientation, or upright if the file has none or it cannot be read. */
    private static Orientation orientation(Path file, ImageFormat format) {
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

    /** libjpeg's warnings that a file was cut short, or that its data is damaged. */
    private static void checkWarnings(List<String> warnings, BufferedImage image, Source source) throws ImageFailure {
        boolean missingEnd = false;
        boolean prematureEnd = false;
        String corrupt = null;
        for (String warning : warnings) {
            String w = warning.toLowerCase(Locale.ROOT);
            if (w.contains("missing eoi")) {
                missingEnd = true;
            } else if (w.contains("premature end")) {
                prematureEnd = true;
            } else if (w.contains("corrupt") && !w.contains("extraneous bytes")) {
                corrupt = warning;
            }
        }
        if (prematureEnd && missingEnd) {
            int rows = decodedRows(image);
            if (rows < image.getHeight()) {
                throw new ImageFailure(ImageFailure.Kind.TRUNCATED,
                        "truncated (decoded " + percent(rows, image.getHeight()) + "% of rows)");
            }
            throw new ImageFailure(ImageFailure.Kind.TRUNCATED, "truncated (the file ends before the image does)");
        }
        if (prematureEnd) {
            throw new ImageFailure(ImageFailure.Kind.CORRUPT, "corrupt image data (a marker inside the compressed data)");
        }
        if (corrupt != null) {
            throw new ImageFailure(ImageFailure.Kind.CORRUPT, "corrupt image data (" + oneLine(corrupt) + ")");
        }
    }

    /**
     * Rows libjpeg decoded before the data ran out: it fills the rest with mid-grey (all
     * coefficients zero), so the decoded rows are those above the last run of pure 128 rows.
     */
    private static int decodedRows(BufferedImage image) {
        if (PixelLayout.of(image).isEmpty()) {
            return image.getHeight();
        }
        byte[] samples = PixelLayout.samples(image);
        int rowLength = image.getWidth() * PixelLayout.of(image).orElseThrow().channels();
        int y = image.getHeight();
        while (y > 0) {
            int from = (y - 1) * rowLength;
            boolean grey = true;
            for (int i = from; i < from + rowLength; i++) {
                if (samples[i] != (byte) 128) {
                    grey = false;
                    break;
                }
            }
            if (!grey) {
                break;
            }
            y--;
        }
        return y;
    }

    private static int percent(long part, long whole) {
        return whole <= 0 ? 0 : (int) Math.min(99, part * 100 / whole);
    }

    /**
     * Turns a reader's exception into a reason a user can read. A RuntimeException raised by
     * Parathumb's own code is a bug, not a verdict on the file: it is rethrown as it is.
     */
    static ImageFailure classify(Throwable e, List<String> warnings, float percentDone, boolean atEnd) {
        if (e instanceof ImageFailure failure) {
            return failure;
        }
        if (e instanceof OutOfMemoryError error) {
            throw error;
        }
        if (e instanceof RuntimeException bug && raisedByParathumb(bug)) {
            throw bug;
        }
        boolean endOfFile = atEnd;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof EOFException || m.contains("eof") || m.contains("end of file")
                    || m.contains("unexpected end") || m.contains("premature end") || m.contains("truncated")) {
                endOfFile = true;
            }
        }
        for (String warning : warnings) {
            String w = warning.toLowerCase(Locale.ROOT);
            if (w.contains("missing eoi") || w.contains("truncated")) {
                endOfFile = true;
            }
        }
        if (endOfFile) {
            String done = percentDone >= 0 ? "decoded " + (int) Math.min(99, percentDone) + "% of rows" : "the file ends before the image does";
            return new ImageFailure(ImageFailure.Kind.TRUNCATED, "truncated (" + done + ")", e);
        }
        if (e instanceof IIOException || e instanceof IOException) {
            return new ImageFailure(ImageFailure.Kind.CORRUPT, "corrupt image data (" + oneLine(e.getMessage()) + ")", e);
        }
        return new ImageFailure(ImageFailure.Kind.CORRUPT,
                "corrupt image data (the reader failed: " + e.getClass().getSimpleName() + ")", e);
    }

    /**
     * Whether {@code e} was thrown by Parathumb's own code (the first frame outside the JDK's core
     * packages is ours): a bug to surface, not the reader's verdict on the file.
     */
    private static boolean raisedByParathumb(RuntimeException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String name = frame.getClassName();
            if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
                return name.startsWith("org.parathumb.");
            }
        }
        return false;
    }

    private static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "no detail";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        return line.length() > 100 ? line.substring(0, 97) + "..." : line;
    }

    /** Collects a reader's warnings, tracks how far it got, and aborts it once interrupted. */
    private static final class Progress implements IIOReadWarningListener, IIOReadProgressListener {
        final List<String> warnings = new ArrayList<>();
        float percent = -1;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            warnings.add(warning);
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            percent = percentageDone;
            if (Thread.currentThread().isInterrupted()) {
                source.abort();
            }
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
            percent = 0;
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }
}
