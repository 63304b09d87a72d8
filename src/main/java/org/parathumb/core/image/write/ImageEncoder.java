package org.parathumb.core.image.write;

import java.awt.color.ColorSpace;
import java.awt.Transparency;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
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
import org.parathumb.core.image.PngCompression;
import org.parathumb.core.image.imageio.ImageIoPlugins;
import org.parathumb.core.image.pixels.LayoutConversion;

/**
 * Writes images as Pillow's {@code save()} does by default. JPEG: IJG quality 75, 4:2:0,
 * baseline, standard tables, JFIF 1.01 and no EXIF or ICC, which gives the very bytes Pillow
 * writes; gray stays a one-component JPEG, and RGBA is first flattened on white (Pillow would
 * refuse it). PNG: Pillow's bytes ({@link PillowPng}: its row filters, zlib at its parameters,
 * its chunks), with a profile in an iCCP chunk as Pillow writes it; layouts Pillow's writer would
 * not see here (16-bit, palette) go through the JDK's PNG writer, same pixels. TIFF: lossless,
 * alpha kept. BMP: alpha flattened on white. GIF: a palette of at most 256 colours, with one
 * transparent entry for alpha. Otherwise always the JDK's writers, even when plugins add others.
 */
public final class ImageEncoder {

    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

    private final PngCompression pngCompression;

    /** An encoder that writes Pillow's bytes. */
    public ImageEncoder() {
        this(PngCompression.PILLOW);
    }

    /** An encoder whose PNGs are compressed as {@code pngCompression} says (everything else as Pillow writes it). */
    public ImageEncoder(PngCompression pngCompression) {
        this.pngCompression = Objects.requireNonNull(pngCompression, "pngCompression");
    }

    /**
     * What may change in a write, beyond Pillow's defaults: the JPEG {@code quality} (1 to 100),
     * an ICC profile to embed (JPEG and PNG), an EXIF block (JPEG), a comment (a JPEG COM
     * segment, as Pillow carries a JPEG source's comment into its thumbnail) and a PNG tRNS
     * chunk's data (the colour a gray or RGB PNG source calls transparent, which Pillow writes
     * back), each possibly null.
     */
    public record Extras(int quality, byte[] iccProfile, byte[] exif, boolean exifMadeUpright, byte[] comment,
            byte[] pngTransparency) {
        public static final Extras NONE = new Extras(75, null, null, false, null, null);

        public Extras(int quality, byte[] iccProfile, byte[] exif, boolean exifMadeUpright) {
            this(quality, iccProfile, exif, exifMadeUpright, null, null);
        }

        /** Pillow's defaults with {@code comment} written as a COM segment. */
        public static Extras withComment(byte[] comment) {
            return new Extras(75, null, null, false, comment, null);
        }

        /** Pillow's defaults with {@code iccProfile} embedded, as Pillow writes a PNG source's profile back. */
        public static Extras withIccProfile(byte[] iccProfile) {
            return new Extras(75, iccProfile, null, false, null, null);
        }

        /**
         * Pillow's defaults with what it writes back from a PNG source: its profile and its tRNS
         * chunk's data, either possibly null.
         */
        public static Extras ofPngSource(byte[] iccProfile, byte[] transparency) {
            return new Extras(75, iccProfile, null, false, null, transparency);
        }
    }

    /** Encodes {@code image} as {@code format} into {@code out}, which stays open. */
    public void write(BufferedImage image, ImageFormat format, OutputStream out) throws IOException {
        write(image, format, Extras.NONE, out);
    }

    /** Encodes {@code image} as {@code format} with {@code extras} into {@code out}, which stays open. */
    public void write(BufferedImage image, ImageFormat format, Extras extras, OutputStream out) throws IOException {
        // A gray image with alpha goes to the PNG writer as it is (colour type 4); anything else in a layout.
        BufferedImage pixels = format == ImageFormat.PNG && isGrayWithAlpha(image) ? image
                : LayoutConversion.toLayout(image);
        boolean alpha = pixels.getColorModel().hasAlpha();
        switch (format) {
            case JPEG -> writeJpeg(alpha ? flattenOnWhite(pixels) : pixels, extras, out);
            case PNG -> writePng(pixels, extras.iccProfile(), extras.pngTransparency(), out);
            case TIFF -> writeWith(writer(format.imageIoName()), pixels, null, null, out);
            case BMP -> writeWith(writer(format.imageIoName()), alpha ? flattenOnWhite(pixels) : pixels, null, null, out);
            case GIF -> writeWith(writer(format.imageIoName()), GifPalette.indexed(pixels), null, null, out);
            case WEBP, HEIF, AVIF, JXL -> throw new IOException(format + " thumbnails cannot be written: choose JPEG or PNG");
        }
    }

    /**
     * Pillow's PNG bytes ({@link PillowPng}) for the layouts it writes, with {@code profile} when it
     * can describe the pixels (RGB on RGB(A), grey on grey) and {@code transparency} (tRNS) on gray
     * or RGB pixels; anything else through ImageIO, without the tRNS chunk.
     */
    private void writePng(BufferedImage pixels, byte[] profile, byte[] transparency, OutputStream out)
            throws IOException {
        int colour = pixels.getRaster().getNumBands() - (pixels.getColorModel().hasAlpha() ? 1 : 0);
        byte[] fitting = profile != null && profileFits(profile, colour) ? profile : null;
        if (PillowPng.writes(pixels)) {
            PillowPng.write(pixels, fitting, transparency, pngCompression, out);
            return;
        }
        writeWith(writer("png"), pixels, fitting == null ? null : pngWithProfile(pixels, fitting), null, out);
    }

    /** Whether {@code image} holds two bytes a pixel, gray and alpha. */
    private static boolean isGrayWithAlpha(BufferedImage image) {
        return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && image.getColorModel().hasAlpha() && image.getRaster().getNumBands() == 2
                && image.getRaster().getTransferType() == DataBuffer.TYPE_BYTE;
    }

    private static void writeJpeg(BufferedImage pixels, Extras extras, OutputStream out) throws IOException {
        // The JDK's writer embeds the image's own colour space when it is not sRGB, over any
        // profile in the metadata: so a kept profile is given as the pixels' colour space.
        boolean tagged = extras.iccProfile() != null && profileFits(extras.iccProfile(), pixels.getRaster().getNumBands());
        BufferedImage image = tagged ? inProfile(pixels, extras.iccProfile()) : pixels;
        ImageWriter writer = writer("jpeg");
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (extras.quality() != Extras.NONE.quality()) {
            // Same IJG scaling of the standard tables as libjpeg's jpeg_set_quality, which Pillow calls.
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(extras.quality() / 100f);
        }
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(JPEG_METADATA);
        var jfif = root.getElementsByTagName("app0JFIF");
        if (jfif.getLength() != 1) {
            writer.dispose();
            throw new IOException("the JPEG writer offers no JFIF header to set");
        }
        IIOMetadataNode app0 = (IIOMetadataNode) jfif.item(0);
        app0.setAttribute("minorVersion", "1");
        if (tagged && root.getElementsByTagName("app2ICC").getLength() == 0) {
            IIOMetadataNode app2 = new IIOMetadataNode("app2ICC");
            app2.setUserObject(ICC_Profile.getInstance(extras.iccProfile()));
            app0.appendChild(app2);
        }
        if (extras.exif() != null) {
            IIOMetadataNode app1 = new IIOMetadataNode("unknown");
            app1.setAttribute("MarkerTag", "225");
            app1.setUserObject(extras.exifMadeUpright() ? ExifBlock.upright(extras.exif()) : extras.exif());
            IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            markers.insertBefore(app1, markers.getFirstChild());
        }
        if (extras.comment() != null) {
            // Pillow (libjpeg) writes the comment after the APP segments, before the tables.
            IIOMetadataNode com = new IIOMetadataNode("com");
            com.setUserObject(extras.comment());
            IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            var tables = root.getElementsByTagName("dqt");
            markers.insertBefore(com, tables.getLength() > 0 ? tables.item(0) : markers.getFirstChild());
        }
        metadata.setFromTree(JPEG_METADATA, root);
        writeWith(writer, image, metadata, param, out);
    }

    /** {@code image}'s samples, unchanged, declared to be in {@code profile}. */
    private static BufferedImage inProfile(BufferedImage image, byte[] profile) {
        ComponentColorModel model = new ComponentColorModel(new ICC_ColorSpace(ICC_Profile.getInstance(profile)),
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(model, image.getRaster(), false, null);
    }

    /** Whether an ICC profile can describe pixels of {@code channels} colour channels (RGB: 3, grey: 1). */
    static boolean profileFits(byte[] profile, int channels) {
        try {
            int type = ICC_Profile.getInstance(profile).getColorSpaceType();
            return type == ColorSpace.TYPE_RGB && channels == 3 || type == ColorSpace.TYPE_GRAY && channels == 1;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** PNG metadata holding {@code profile}, one that fits the pixels, in an iCCP chunk. */
    private static IIOMetadata pngWithProfile(BufferedImage image, byte[] profile) throws IOException {
        ImageWriter writer = writer("png");
        try {
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            // As Pillow's PngImagePlugin writes it: this name, and zlib.compress's default level. The
            // JDK's writer takes the chunk's payload as it is: it is compressed here.
            IIOMetadataNode iccp = new IIOMetadataNode("iCCP");
            iccp.setAttribute("profileName", "ICC Profile");
            iccp.setAttribute("compressionMethod", "deflate");
            iccp.setUserObject(PillowPng.zlibCompress(profile));
            root.appendChild(iccp);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            return metadata;
        } finally {
            writer.dispose();
        }
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
