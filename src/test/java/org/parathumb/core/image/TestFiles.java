package org.parathumb.core.image;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Image files of every kind the decoder meets, made at test time (nothing big is committed):
 * JPEGs baseline, progressive, gray, CMYK and YCCK, with ICC profiles and EXIF orientation; PNGs
 * of every depth; GIF, BMP, TIFF and WebP; and their broken variants.
 */
public final class TestFiles {

    /** A 12x8 lossless WebP (red to blue), written with libwebp 1.2.4. */
    public static final String LOSSLESS_WEBP =
            "UklGRkgAAABXRUJQVlA4TDsAAAAvC8ABAD8AEIT/bRMCgRQO0wKBxJ/xXJ5/gkmaajtGB+cDDEKSkkIKKaSQQgop5D+zEBH9z+dYhqZIAgA=";
    /** The same picture as a lossy (VP8) WebP. */
    public static final String LOSSY_WEBP = "UklGRlIAAABXRUJQVlA4IEYAAADwAgCdASoMAAgAAUAmJagCdLcAlgH8A/AC7/wPQBXFAAD++dwH71bguc"
            + "//ma7O/OlcZU/+cRf+cRf/ScXCY/xOLhMSAkAA";

    private TestFiles() {
    }

    /** An RGB picture with a gradient, a bright disc and four distinct corners. */
    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    /** Four flat quadrants: red, green / blue, yellow (top left, top right / bottom left, bottom right). */
    public static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(Color.GREEN);
        g.fillRect(width / 2, 0, width - width / 2, height / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, height / 2, width / 2, height - height / 2);
        g.setColor(Color.YELLOW);
        g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
        g.dispose();
        return image;
    }

    public static BufferedImage gray(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.drawImage(picture(width, height), 0, 0, null);
        g.dispose();
        return image;
    }

    public static BufferedImage rgba(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_4BYTE_ABGR);
        Graphics2D g = image.createGraphics();
        g.drawImage(picture(width, height), 0, 0, null);
        g.setComposite(java.awt.AlphaComposite.Clear);
        g.fillRect(0, 0, width / 3, height);
        g.dispose();
        return image;
    }

    public static BufferedImage palette(int width, int height, boolean transparent) {
        byte[] r = {(byte) 255, 0, 0, (byte) 255};
        byte[] gr = {0, (byte) 255, 0, (byte) 255};
        byte[] b = {0, 0, (byte) 255, (byte) 255};
        byte[] a = {(byte) 255, (byte) 255, (byte) 255, 0};
        IndexColorModel model = transparent ? new IndexColorModel(2, 4, r, gr, b, a) : new IndexColorModel(2, 4, r, gr, b);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY, model);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, (x * 4 / width + y) % 4);
            }
        }
        return image;
    }

    public static BufferedImage sixteenBit(int width, int height, boolean grayscale) {
        ColorSpace space = ColorSpace.getInstance(grayscale ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        int[] bands = grayscale ? new int[] {0} : new int[] {0, 1, 2};
        BufferedImage image = ImageTypeSpecifier.createInterleaved(space, bands, DataBuffer.TYPE_USHORT, false, false)
                .createBufferedImage(width, height);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < bands.length; c++) {
                    raster.setSample(x, y, c, (x * 65535 / width + c * 9000) & 0xFFFF);
                }
            }
        }
        return image;
    }

    /** {@code image} in {@code format} by the JDK's own writer. */
    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = jdkWriter(format);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    public static byte[] progressiveJpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = jdkWriter("jpeg");
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A four-component JPEG, Adobe style (samples stored inverted): {@code transform} 0 is CMYK,
     * 2 is YCCK. The left half is pure cyan, the right half paper white.
     */
    public static byte[] cmykJpeg(int width, int height, int transform) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] cyan = {0, 255, 255, 255};
        int[] white = {255, 255, 255, 255};
        if (transform == 2) { // the JDK's writer stores the samples as given: convert to YCCK here, as libjpeg would
            cyan = ycck(cyan);
            white = ycck(white);
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, x < width / 2 ? cyan : white);
            }
        }
        ImageWriter writer = jdkWriter("jpeg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createInterleaved(
                    ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {0, 1, 2, 3}, DataBuffer.TYPE_BYTE, true, false),
                    param);
            String name = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(name);
            IIOMetadataNode variety = (IIOMetadataNode) root.getElementsByTagName("JPEGvariety").item(0);
            while (variety.hasChildNodes()) {
                variety.removeChild(variety.getFirstChild());
            }
            IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode adobe = new IIOMetadataNode("app14Adobe");
            adobe.setAttribute("transform", Integer.toString(transform));
            markers.insertBefore(adobe, markers.getFirstChild());
            metadata.setFromTree(name, root);
            writer.write(null, new IIOImage(raster, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** libjpeg's cmyk_ycck_convert: inverted CMYK to R, G, B = 255 - sample, then YCbCr; K as is. */
    private static int[] ycck(int[] cmyk) {
        double r = 255 - cmyk[0];
        double g = 255 - cmyk[1];
        double b = 255 - cmyk[2];
        int y = (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
        int cb = (int) Math.round(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
        int cr = (int) Math.round(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
        return new int[] {clamp(y), clamp(cb), clamp(cr), cmyk[3]};
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** {@code jpeg} with {@code profile} embedded as an APP2 ICC_PROFILE segment after SOI. */
    public static byte[] withIccProfile(byte[] jpeg, ICC_Profile profile) {
        byte[] data = profile.getData();
        byte[] id = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer segment = ByteBuffer.allocate(4 + id.length + 2 + data.length);
        segment.put((byte) 0xFF).put((byte) 0xE2).putShort((short) (2 + id.length + 2 + data.length));
        segment.put(id).put((byte) 1).put((byte) 1).put(data);
        return insertAfterSoi(jpeg, segment.array());
    }

    /** {@code jpeg} with an EXIF APP1 segment whose IFD0 holds only the orientation tag. */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer segment = ByteBuffer.allocate(4 + exif.length + tiff.capacity());
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + exif.length + tiff.capacity()));
        segment.put(exif).put(tiff.array());
        return insertAfterSoi(jpeg, segment.array());
    }

    private static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    /** A GIF of two frames of different colours: only the first must be taken. */
    public static byte[] twoFrameGif(int width, int height) {
        ImageWriter writer = jdkWriter("gif");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(flat(width, height, Color.RED), null, null), null);
            writer.writeToSequence(new IIOImage(flat(width, height, Color.BLUE), null, null), null);
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    public static BufferedImage flat(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /**
     * A PNG whose header claims {@code width x height} 8-bit RGB pixels, with a few bytes of
     * compressed data: tiny on disk, enormous if anyone allocated what it claims.
     */
    public static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[4096]);
        deflater.finish();
        byte[] compressed = new byte[8192];
        int n = deflater.deflate(compressed);
        deflater.end();
        chunk(out, "IDAT", Arrays.copyOf(compressed, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * What {@code work} gives on {@code worker} within {@code seconds}; empty, and the work
     * cancelled, when it hangs (a fuzzed file must never hang a decoder).
     */
    public static <T> Optional<T> within(ExecutorService worker,
            Callable<T> work, long seconds) throws Exception {
        Future<T> future = worker.submit(work);
        try {
            return Optional.of(future.get(seconds, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            return Optional.empty();
        }
    }

    /** Appends a PNG chunk of {@code type} holding {@code data}, with its length and CRC. */
    public static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The first {@code percent}% of {@code data}. */
    public static byte[] truncated(byte[] data, int percent) {
        return Arrays.copyOf(data, data.length * percent / 100);
    }

    /** {@code jpeg} with a run of 0xFF bytes written over the middle of its compressed data. */
    public static byte[] corruptEntropy(byte[] jpeg) {
        byte[] out = jpeg.clone();
        int middle = out.length * 2 / 3;
        Arrays.fill(out, middle, Math.min(out.length - 2, middle + 48), (byte) 0xFF);
        return out;
    }

    public static byte[] webp(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A named pipe (FIFO), or null where {@code mkfifo} is not available. */
    public static Path fifo(Path file) {
        try {
            Process process = new ProcessBuilder("mkfifo", file.toString()).redirectErrorStream(true).start();
            return process.waitFor() == 0 && Files.exists(file) ? file : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static ImageWriter jdkWriter(String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        ImageWriter any = null;
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.")) {
                return writer;
            }
            any = writer;
        }
        if (any == null) {
            throw new IllegalStateException("no writer for " + format);
        }
        return any;
    }

    /**
     * The one thread a fuzz test runs its files on: a daemon, so that should a decoder ever spin
     * forever, the test fails on its timeout and the JVM still ends.
     */
    public static ExecutorService fuzzWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzz-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One of: flipped bits, a truncation, a run overwritten, bytes inserted or removed, a header field changed. */
    public static byte[] mutate(byte[] data, Random random) {
        byte[] out = data.clone();
        switch (random.nextInt(6)) {
            case 0 -> {
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            case 2 -> {
                int at = random.nextInt(out.length);
                Arrays.fill(out, at, Math.min(out.length, at + 1 + random.nextInt(64)), (byte) random.nextInt(256));
            }
            case 3 -> {
                int at = random.nextInt(out.length);
                byte[] noise = new byte[1 + random.nextInt(32)];
                random.nextBytes(noise);
                byte[] grown = new byte[out.length + noise.length];
                System.arraycopy(out, 0, grown, 0, at);
                System.arraycopy(noise, 0, grown, at, noise.length);
                System.arraycopy(out, at, grown, at + noise.length, out.length - at);
                out = grown;
            }
            case 4 -> {
                int at = random.nextInt(out.length);
                int cut = Math.min(out.length - at, 1 + random.nextInt(64));
                byte[] shrunk = new byte[out.length - cut];
                System.arraycopy(out, 0, shrunk, 0, at);
                System.arraycopy(out, at + cut, shrunk, at, out.length - at - cut);
                out = shrunk;
            }
            default -> {
                // The header: sizes, depths, segment lengths live in the first few hundred bytes.
                int at = random.nextInt(Math.min(out.length, 200));
                out[at] = (byte) random.nextInt(256);
            }
        }
        return out;
    }
}
