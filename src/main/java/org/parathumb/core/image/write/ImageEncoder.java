package org.parathumb.core.image.write;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.imageio.ImageIoPlugins;
import org.parathumb.core.image.pixels.LayoutConversion;

/**
 * Writes images as Pillow's {@code save()} does by default. JPEG: IJG quality 75, 4:2:0,
 * baseline, standard tables, JFIF 1.01 and no EXIF or ICC, which gives the very bytes Pillow
 * writes; gray stays a one-component JPEG, and RGBA is first flattened on white (Pillow would
 * refuse it). PNG: lossless, so the pixels match Pillow's though the bytes do not. TIFF: lossless,
 * alpha kept. BMP: alpha flattened on white. GIF: a palette of at most 256 colours, with one
 * transparent entry for alpha. Always the JDK's writers, even when plugins add others.
 */
public final class ImageEncoder {

    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

    /** Encodes {@code image} as {@code format} into {@code out}, which stays open. */
    public void write(BufferedImage image, ImageFormat format, OutputStream out) throws IOException {
        BufferedImage pixels = LayoutConversion.toLayout(image);
        boolean alpha = PixelLayout.of(pixels).orElseThrow().hasAlpha();
        switch (format) {
            case JPEG -> writeJpeg(alpha ? flattenOnWhite(pixels) : pixels, out);
            case PNG, TIFF -> writeWith(writer(format.imageIoName()), pixels, null, null, out);
            case BMP -> writeWith(writer(format.imageIoName()), alpha ? flattenOnWhite(pixels) : pixels, null, null, out);
            case GIF -> writeWith(writer(format.imageIoName()), GifPalette.indexed(pixels), null, null, out);
            case WEBP -> throw new IOException("WebP cannot be written: choose PNG for its thumbnails");
        }
    }

    private static void writeJpeg(BufferedImage image, OutputStream out) throws IOException {
        ImageWriter writer = writer("jpeg");
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(JPEG_METADATA);
        var jfif = root.getElementsByTagName("app0JFIF");
        if (jfif.getLength() != 1) {
            writer.dispose();
            throw new IOException("the JPEG writer offers no JFIF header to set");
        }
        ((IIOMetadataNode) jfif.item(0)).setAttribute("minorVersion", "1");
        metadata.setFromTree(JPEG_METADATA, root);
        writeWith(writer, image, metadata, param, out);
    }

    private static void writeWith(ImageWriter writer, BufferedImage image, IIOMetadata metadata,
                                  ImageWriteParam param, OutputStream out) throws IOException {
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
            stream.flush();
        } finally {
            writer.dispose();
        }
    }

    /** The JDK's own writer for {@code formatName} (the one Pillow's bytes were matched with), else any. */
    private static ImageWriter writer(String formatName) throws IOException {
        return ImageIoPlugins.preferring(ImageIO.getImageWritersByFormatName(formatName), "com.sun.imageio.",
                ImageWriter::dispose).orElseThrow(() -> new IOException("no ImageIO writer for " + formatName));
    }

    /** RGBA composited over white, rounded: {@code (c * a + 255 * (255 - a) + 127) / 255}. */
    static BufferedImage flattenOnWhite(BufferedImage rgba) {
        int width = rgba.getWidth();
        int height = rgba.getHeight();
        BufferedImage out = PixelLayout.RGB.create(width, height);
        byte[] src = PixelLayout.samples(rgba);
        byte[] dst = PixelLayout.samples(out);
        for (int p = 0, i = 0, o = 0; p < width * height; p++, i += 4, o += 3) {
            int alpha = src[i + 3] & 0xFF;
            int white = 255 * (255 - alpha) + 127;
            dst[o] = (byte) (((src[i] & 0xFF) * alpha + white) / 255);
            dst[o + 1] = (byte) (((src[i + 1] & 0xFF) * alpha + white) / 255);
            dst[o + 2] = (byte) (((src[i + 2] & 0xFF) * alpha + white) / 255);
        }
        return out;
    }
}
