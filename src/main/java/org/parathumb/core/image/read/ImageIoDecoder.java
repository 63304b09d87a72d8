package org.parathumb.core.image.read;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.Orientation;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.jpeg.JpegColour;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.LayoutConversion;
import org.parathumb.core.image.pixels.Scratch;

/**
 * Decodes JPEG, PNG, GIF (first frame), BMP, TIFF and (without libwebp) WebP with the ImageIO
 * reader {@link ReaderChoice} picks, into a {@link PixelLayout}, as Pillow opens them: 8-bit gray
 * stays gray, RGB stays RGB, alpha stays RGBA, samples are not colour managed. Those three decode
 * straight into a reused per-thread buffer; anything else (palette, 16-bit, gray with alpha, CMYK)
 * is converted to the nearest layout ({@link LayoutConversion}). A truncated or damaged file is a
 * failure ({@link FailureWording}), never a silently grey thumbnail.
 */
final class ImageIoDecoder implements Decoder {

    private static final Set<ImageFormat> FORMATS = Set.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.GIF,
            ImageFormat.BMP, ImageFormat.TIFF, ImageFormat.WEBP);

    @Override
    public boolean reads(ImageFormat format) {
        return FORMATS.contains(format) && ReaderChoice.hasReader(format);
    }

    @Override
    public String describe(ImageFormat format) {
        return ReaderChoice.describe(format);
    }

    @Override
    public ImageHeader readHeader(Path file, ImageFormat format) throws IOException {
        if (format == ImageFormat.JPEG) {
            Optional<ImageHeader> plain = plainJpegHeader(file);
            if (plain.isPresent()) {
                return plain.get();
            }
        }
        try (ReaderChoice source = ReaderChoice.open(file, format)) {
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
            Orientation orientation = source.jpeg != null ? Orientation.ofTag(source.jpeg.orientationTag())
                    : ExifOrientation.of(file, format);
            return new ImageHeader(format, width, height, orientation, layout, readerBytes);
        }
    }

    /**
     * A plain JPEG's header (8-bit gray, or YCbCr its header states, with no colour profile but a
     * gray one's) from its segments alone: the JDK's reader decodes such a file straight into gray or
     * RGB, so no reader need be made to say so. Empty for any other JPEG, which a reader describes.
     */
    private static Optional<ImageHeader> plainJpegHeader(Path file) throws IOException {
        JpegStructure jpeg;
        try (ImageInputStream stream = ReaderChoice.openStream(file)) {
            jpeg = JpegStructure.read(stream);
        }
        JpegColour colour = jpeg.colour();
        boolean gray = colour.space() == JpegColour.Space.GRAY;
        if (!colour.isPlainYCbCr() || colour.hasIccProfile() && !gray || jpeg.width() < 1 || jpeg.height() < 1) {
            return Optional.empty();
        }
        return Optional.of(new ImageHeader(ImageFormat.JPEG, jpeg.width(), jpeg.height(),
                Orientation.ofTag(jpeg.orientationTag()), gray ? PixelLayout.GRAY : PixelLayout.RGB, 0));
    }

    @Override
    public DecodedImage decode(Path file, ImageFormat format, Scratch scratch) throws IOException {
        try (ReaderChoice source = ReaderChoice.open(file, format)) {
            ImageReader reader = source.reader;
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
                throw FailureWording.classify(e, progress.warnings, progress.percent, source.readToTheEnd());
            }
            FailureWording.checkWarnings(progress.warnings, image);
            return new DecodedImage(image, format);
        }
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
    private static int readerBytesPerPixel(ImageTypeSpecifier raw, ReaderChoice source) {
        int bits = raw == null ? 32 : raw.getSampleModel().getNumBands() * maxSampleSize(raw);
        int bytes = Math.max(1, (bits + 7) / 8);
        if (source.jpeg != null && !source.jpeg.colour().isPlain()) {
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
