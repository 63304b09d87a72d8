package org.parathumb.core.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * JPEGs of the kinds cameras and tools write, made with ImageIO's own writer at test time: any
 * luma sampling (4:4:4, 4:2:2, 4:2:0), restart markers, progressive, APPn segments spliced in.
 */
public record JpegVariants(float quality, int lumaH, int lumaV, int restartInterval, boolean progressive) {

    private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    /** What ImageIO writes by default, at quality 0.9: baseline 4:2:0, no restarts. */
    public static final JpegVariants BASELINE_420 = new JpegVariants(0.9f, 2, 2, 0, false);

    public JpegVariants withSampling(int h, int v) {
        return new JpegVariants(quality, h, v, restartInterval, progressive);
    }

    public JpegVariants withRestartInterval(int mcus) {
        return new JpegVariants(quality, lumaH, lumaV, mcus, progressive);
    }

    public JpegVariants progressively() {
        return new JpegVariants(quality, lumaH, lumaV, restartInterval, true);
    }

    JpegVariants withQuality(float q) {
        return new JpegVariants(q, lumaH, lumaV, restartInterval, progressive);
    }

    public byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var bytes = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(
                    ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
            IIOMetadataNode sequence = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode components = (IIOMetadataNode) root.getElementsByTagName("componentSpec").item(0);
            if (image.getRaster().getNumBands() >= 3) {
                components.setAttribute("HsamplingFactor", Integer.toString(lumaH));
                components.setAttribute("VsamplingFactor", Integer.toString(lumaV));
            }
            if (restartInterval > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(restartInterval));
                Node first = sequence.getFirstChild();
                sequence.insertBefore(dri, first);
            }
            metadata.setFromTree(FORMAT, root);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public Path write(BufferedImage image, Path file) throws IOException {
        Files.write(file, encode(image));
        return file;
    }

    /** {@code jpeg} with an APPn segment ({@code marker} 0xE0..0xEF) inserted right after SOI. */
    public static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        int length = payload.length + 2;
        byte[] out = new byte[jpeg.length + length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[3] = (byte) marker;
        out[4] = (byte) (length >> 8);
        out[5] = (byte) length;
        System.arraycopy(payload, 0, out, 6, payload.length);
        System.arraycopy(jpeg, 2, out, 6 + payload.length, jpeg.length - 2);
        return out;
    }

    /** An APP2 payload holding the JDK's sRGB ICC profile in one chunk. */
    public static byte[] iccSrgb() {
        return icc(java.awt.color.ColorSpace.CS_sRGB);
    }

    /** An APP2 payload holding the JDK's profile for {@code colorSpace} (a ColorSpace.CS_ constant) in one chunk. */
    public static byte[] icc(int colorSpace) {
        byte[] profile = java.awt.color.ICC_Profile.getInstance(colorSpace).getData();
        byte[] header = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] payload = java.util.Arrays.copyOf(header, header.length + 2 + profile.length);
        payload[header.length] = 1;
        payload[header.length + 1] = 1;
        System.arraycopy(profile, 0, payload, header.length + 2, profile.length);
        return payload;
    }

    /** An EXIF APP1 payload (big-endian TIFF) whose first IFD holds only an orientation. */
    public static byte[] exifOrientation(int orientation) {
        return new byte[] {
            'E', 'x', 'i', 'f', 0, 0,
            'M', 'M', 0, 42, 0, 0, 0, 8,
            0, 1,
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
            0, 0, 0, 0};
    }

    /**
     * {@code jpeg} (as ImageIO writes it: JFIF APP0 first) with its JFIF segment dropped unless
     * {@code keepJfif}, and its components renamed {@code ids} in the frame and scan headers.
     */
    public static byte[] withColourMarkers(byte[] jpeg, boolean keepJfif, int... ids) {
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int p = 2;
        while (true) {
            int marker = jpeg[p + 1] & 0xFF;
            int length = (jpeg[p + 2] & 0xFF) << 8 | (jpeg[p + 3] & 0xFF);
            byte[] segment = java.util.Arrays.copyOfRange(jpeg, p, p + 2 + length);
            if (marker == 0xC0 || marker == 0xC2) {
                for (int c = 0; c < segment[9]; c++) {
                    segment[10 + 3 * c] = (byte) ids[c];
                }
            } else if (marker == 0xDA) {
                for (int c = 0; c < segment[4]; c++) {
                    segment[5 + 2 * c] = (byte) ids[c];
                }
                out.writeBytes(segment);
                out.write(jpeg, p + 2 + length, jpeg.length - p - 2 - length);
                return out.toByteArray();
            }
            if (marker != 0xE0 || keepJfif) {
                out.writeBytes(segment);
            }
            p += 2 + length;
        }
    }

    /** An Adobe APP14 payload with colour transform {@code transform} (0 none, 1 YCbCr, 2 YCCK). */
    public static byte[] adobe(int transform) {
        return new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
    }
}
