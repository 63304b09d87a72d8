package org.parathumb.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes JPEG and PNG files with ImageIO into a {@link PixelLayout}, as Pillow opens them: 8-bit
 * gray stays gray, RGB stays RGB, alpha stays RGBA, samples are not colour managed. Those three
 * decode straight into a reused per-thread buffer; anything else (palette, 16-bit, gray with
 * alpha) is converted to the nearest layout ({@link LayoutConversion}). The format comes from
 * the content, not the file name.
 */
public final class ImageDecoder {

    /** Stops a reader between scanlines once its thread is interrupted; read then checks it. */
    private static final IIOReadProgressListener ABORT_ON_INTERRUPT = new IIOReadProgressListener() {
        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            if (Thread.currentThread().isInterrupted()) {
                source.abort();
            }
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
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
    };

    /** Decodes {@code file}, into {@code scratch}'s byte buffer when the layout allows it. */
    public DecodedImage decode(Path file, Scratch scratch) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "not a readable file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot open " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not an image (unrecognised content): " + file.getFileName());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadProgressListener(ABORT_ON_INTERRUPT);
                ImageFormat format = formatOf(reader, file);
                return new DecodedImage(read(reader, scratch), format);
            } catch (IIOException | RuntimeException e) {
                if (e instanceof CancelledException cancelled) {
                    throw cancelled;
                }
                throw new IOException("cannot decode " + file.getFileName() + ": " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageFormat formatOf(ImageReader reader, Path file) throws IOException {
        String name = reader.getFormatName().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "jpeg", "jpg" -> ImageFormat.JPEG;
            case "png" -> ImageFormat.PNG;
            default -> throw new IOException("unsupported image format (" + name + "): " + file.getFileName());
        };
    }

    private static BufferedImage read(ImageReader reader, Scratch scratch) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        PixelLayout layout = raw == null ? null : directLayout(raw.getColorModel());
        ImageReadParam param = reader.getDefaultReadParam();
        if (layout == null) {
            CancelledException.checkInterrupt();
            BufferedImage decoded = reader.read(0, param);
            CancelledException.checkInterrupt();
            return LayoutConversion.toLayout(decoded);
        }
        long size = (long) width * height * layout.channels();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("image too large: " + width + "x" + height);
        }
        BufferedImage destination = layout.wrap(
                scratch.bytes((int) size), width, height, raw.getColorModel().getColorSpace());
        param.setDestination(destination);
        CancelledException.checkInterrupt();
        BufferedImage decoded = reader.read(0, param);
        CancelledException.checkInterrupt();
        return decoded;
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
}
