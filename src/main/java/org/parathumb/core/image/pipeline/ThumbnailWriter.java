package org.parathumb.core.image.pipeline;

import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.OutputOptions;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.PngCompression;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.read.SourceMetadata;
import org.parathumb.core.image.write.ImageEncoder;

/**
 * Writes a thumbnail as {@link OutputOptions} say. At the defaults (quality 75, no metadata) it
 * is the pipeline's own {@link ThumbnailPipeline#write}, Pillow's bytes, with what Pillow's
 * {@code save()} writes back from the source: a JPEG's comment, a PNG's or a WebP's ICC profile. Otherwise the quality
 * goes to the JPEG writer, and a kept ICC profile is embedded with the pixels expressed in it: a
 * source whose profile the decoder applied (its pixels became sRGB) has its thumbnail converted
 * back from sRGB into that profile, so the profile describes the pixels it travels with.
 */
public final class ThumbnailWriter {

    private ThumbnailWriter() {
    }

    /**
     * Encodes {@code thumbnail} of {@code source} into {@code out}; {@code turned} says its pixels
     * were turned upright, so a kept EXIF orientation must say upright too.
     */
    public static void write(ThumbnailPipeline pipeline, Thumbnail thumbnail, ImageFormat format,
            OutputOptions options, Path source, boolean turned, OutputStream out) throws IOException {
        if (options.writesAsTheOriginal()) {
            // Pillow keeps a JPEG's comment, a PNG's or a WebP's ICC profile and a PNG's transparent colour in
            // the image's info and writes them back on save (a WebP's thumbnail is a PNG here), and keeps a gray
            // PNG with alpha gray with alpha.
            PngSourceInfo png = format == ImageFormat.PNG && thumbnail.sourceFormat() == ImageFormat.PNG
                    ? PngSourceInfo.read(source) : PngSourceInfo.NONE;
            Optional<ImageEncoder.Extras> kept = writtenBack(format, thumbnail.sourceFormat(), source, png);
            Optional<BufferedImage> grayAlpha = png.grayWithAlpha() ? GrayAlphaPng.of(thumbnail.image()) : Optional.empty();
            if (kept.isPresent() || grayAlpha.isPresent()) {
                new ImageEncoder(pipeline.pngCompression()).write(grayAlpha.orElse(thumbnail.image()), format,
                        kept.orElse(ImageEncoder.Extras.NONE), out);
            } else {
                pipeline.write(thumbnail, format, out);
            }
            return;
        }
        SourceMetadata metadata = SourceMetadata.read(source, options.metadata());
        byte[] icc = metadata.iccProfile().orElse(null);
        BufferedImage image = thumbnail.image();
        if (icc != null && metadata.iccApplied()) {
            Optional<BufferedImage> converted = fromSrgb(image, icc);
            if (converted.isPresent()) {
                image = converted.get();
            } else {
                icc = null; // a profile the colour engine cannot use: keep sRGB and say so by embedding none
            }
        }
        new ImageEncoder(pipeline.pngCompression()).write(image, format,
                new ImageEncoder.Extras(options.quality(), icc, metadata.exif().orElse(null), turned), out);
    }

    /**
     * What Pillow's {@code save()} writes back from the source into a thumbnail of {@code format}:
     * a WebP's profile into its PNG, a JPEG's comment, a PNG's profile and transparent colour
     * ({@code png}, read from it); empty when there is nothing.
     */
    private static Optional<ImageEncoder.Extras> writtenBack(ImageFormat format, ImageFormat sourceFormat, Path source,
            PngSourceInfo png) {
        if (format == ImageFormat.PNG && sourceFormat == ImageFormat.WEBP) {
            return WebpIccProfile.read(source).map(ImageEncoder.Extras::withIccProfile);
        }
        if (format != sourceFormat) {
            return Optional.empty();
        }
        if (format == ImageFormat.JPEG) {
            return JpegComment.read(source).map(ImageEncoder.Extras::withComment);
        }
        if (png.iccProfile().isEmpty() && png.transparency().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                ImageEncoder.Extras.ofPngSource(png.iccProfile().orElse(null), png.transparency().orElse(null)));
    }

    /**
     * Pillow's {@code save()} at its defaults, as both pipelines write, a PNG's rows compressed as
     * {@code compression} says; does not close {@code out}.
     */
    static void pillowSave(Thumbnail thumbnail, ImageFormat format, PngCompression compression, OutputStream out)
            throws IOException {
        Objects.requireNonNull(thumbnail, "thumbnail");
        new ImageEncoder(compression).write(thumbnail.image(), Objects.requireNonNull(format, "format"),
                Objects.requireNonNull(out, "out"));
    }

    /**
     * {@code image}'s sRGB colours expressed in {@code profile} (RGB profiles on RGB pixels only;
     * any other image or profile is returned as it is); empty when the profile is damaged beyond
     * what the colour engine accepts, so the caller writes sRGB without it.
     */
    static Optional<BufferedImage> fromSrgb(BufferedImage image, byte[] profile) {
        ICC_Profile icc;
        try {
            icc = ICC_Profile.getInstance(profile);
        } catch (IllegalArgumentException e) {
            return Optional.of(image);
        }
        PixelLayout layout = PixelLayout.of(image).orElseThrow();
        if (icc.getColorSpaceType() != ColorSpace.TYPE_RGB || layout.channels() < 3) {
            return Optional.of(image);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = layout.create(w, h);
        out.getRaster().setRect(image.getRaster());
        WritableRaster colours = out.getRaster().createWritableChild(0, 0, w, h, 0, 0, new int[] {0, 1, 2});
        try {
            new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_sRGB), new ICC_ColorSpace(icc), null)
                    .filter(image.getRaster().createChild(0, 0, w, h, 0, 0, new int[] {0, 1, 2}), colours);
        } catch (CMMException | IllegalArgumentException e) {
            return Optional.empty(); // the file's profile is damaged: a fact about the file, not a bug
        }
        return Optional.of(out);
    }
}
