package org.parathumb.core.samples;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.parathumb.core.image.ImageFormat;

/**
 * Makes photo-like images from a seed: a smooth sky-to-ground gradient, fractal value noise for
 * texture, and anti-aliased shapes with hard edges, so that blur and resize have real work and
 * JPEG sizes are those of photos, not of flat colour or white noise. The same seed, count and size
 * always give the same pixels.
 */
public final class SampleGenerator {

    /** JPEG quality of generated photos: what cameras and phones write. */
    static final float JPEG_QUALITY = 0.9f;

    /** Peak grain amplitude, in 8-bit levels. */
    static final int GRAIN = 10;

    /** Writes {@code count} images of about {@code megapixels} into {@code folder}; returns their paths. */
    public List<Path> generate(Path folder, int count, double megapixels, long seed) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (!(megapixels > 0 && megapixels <= 200)) {
            throw new IllegalArgumentException("megapixels must be above 0 and at most 200, got " + megapixels);
        }
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>(count);
        SampleKind[] kinds = SampleKind.values();
        for (int i = 0; i < count; i++) {
            SampleKind kind = kinds[i % kinds.length];
            int[] size = kind.size(megapixels);
            BufferedImage image = render(kind, size[0], size[1], seed * 1_000_003L + i);
            String name = String.format(Locale.ROOT, "sample-%02d-%s.%s", i + 1,
                    kind.name().toLowerCase(Locale.ROOT), kind.format().extension());
            Path target = folder.resolve(name);
            write(image, kind.format(), target);
            written.add(target);
        }
        return written;
    }

    /** One image of {@code kind}, {@code width x height}, from {@code seed}. */
    public BufferedImage render(SampleKind kind, int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(width, height, switch (kind.channels()) {
            case 1 -> BufferedImage.TYPE_BYTE_GRAY;
            case 4 -> BufferedImage.TYPE_4BYTE_ABGR;
            default -> BufferedImage.TYPE_3BYTE_BGR;
        });
        paintBackground(image, random);
        paintShapes(image, random, kind == SampleKind.GRAPHIC ? 40 : 14);
        if (kind.format() == ImageFormat.JPEG) {
            addGrain(image, random.nextLong());
        }
        if (kind.channels() == 4) {
            cutAlpha(image, random);
        }
        return image;
    }

    private static void paintBackground(BufferedImage image, SplittableRandom random) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int bands = image.getRaster().getNumBands();
        float[] sky = randomColour(random, 0.55f, 0.95f);
        float[] ground = randomColour(random, 0.1f, 0.5f);
        float horizon = 0.35f + 0.3f * (float) random.nextDouble();
        ValueNoise noise = new ValueNoise(random.nextLong(), Math.max(width, height) / 6.0, 0.72f);
        float[] row = new float[width];
        for (int y = 0; y < height; y++) {
            float v = y / (float) height;
            float t = smoothstep(horizon - 0.05f, horizon + 0.05f, v);
            noise.row(y, row);
            int offset = y * width * bands;
            for (int x = 0; x < width; x++) {
                float n = row[x];
                float light = 0.8f + 0.9f * (n - 0.5f) * (0.4f + t);
                float b = lerp(sky[0], ground[0], t) * light;
                float g = lerp(sky[1], ground[1], t) * light;
                float r = lerp(sky[2], ground[2], t) * light;
                int p = offset + x * bands;
                switch (bands) {
                    case 1 -> data[p] = toByte(0.114f * b + 0.587f * g + 0.299f * r);
                    case 3 -> {
                        data[p] = toByte(b);
                        data[p + 1] = toByte(g);
                        data[p + 2] = toByte(r);
                    }
                    default -> {
                        data[p] = (byte) 255;
                        data[p + 1] = toByte(b);
                        data[p + 2] = toByte(g);
                        data[p + 3] = toByte(r);
                    }
                }
            }
        }
    }

    private static void paintShapes(BufferedImage image, SplittableRandom random, int count) {
        int width = image.getWidth();
        int height = image.getHeight();
        double scale = Math.min(width, height);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (int i = 0; i < count; i++) {
                float[] c = randomColour(random, 0.05f, 1f);
                g.setColor(new Color(c[2], c[1], c[0], 0.55f + 0.45f * (float) random.nextDouble()));
                double x = random.nextDouble() * width;
                double y = random.nextDouble() * height;
                double w = scale * (0.04 + 0.25 * random.nextDouble());
                double h = scale * (0.04 + 0.25 * random.nextDouble());
                switch (random.nextInt(4)) {
                    case 0 -> g.fill(new Ellipse2D.Double(x - w / 2, y - h / 2, w, h));
                    case 1 -> g.fill(new RoundRectangle2D.Double(x - w / 2, y - h / 2, w, h, w / 5, h / 5));
                    case 2 -> {
                        Path2D.Double triangle = new Path2D.Double();
                        triangle.moveTo(x, y - h / 2);
                        triangle.lineTo(x + w / 2, y + h / 2);
                        triangle.lineTo(x - w / 2, y + h / 2);
                        triangle.closePath();
                        g.fill(triangle);
                    }
                    default -> {
                        g.setStroke(new BasicStroke((float) (scale * (0.002 + 0.01 * random.nextDouble()))));
                        g.drawLine((int) x, (int) y, (int) (x + w * 2 - w), (int) (y + h * 2 - h));
                    }
                }
            }
        } finally {
            g.dispose();
        }
    }

    /**
     * Adds sensor-like grain (triangular, about +-{@value #GRAIN} levels), as every camera photo
     * has: it is what makes JPEGs of photos large and their decoding work realistic.
     */
    private static void addGrain(BufferedImage image, long seed) {
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        long state = seed | 1;
        for (int i = 0; i < data.length; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            int noise = (int) ((state & 0xFF) + ((state >>> 8) & 0xFF) - 255) * GRAIN / 255;
            data[i] = (byte) Math.max(0, Math.min(255, (data[i] & 0xFF) + noise));
        }
    }

    /** Makes a soft-edged, partly transparent cut-out: real alpha, not all 255. */
    private static void cutAlpha(BufferedImage image, SplittableRandom random) {
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(60, 60, 60));
            g.fillRect(0, 0, width, height);
            g.setComposite(AlphaComposite.SrcOver);
            g.setColor(Color.WHITE);
            double inset = 0.08 + 0.05 * random.nextDouble();
            g.fill(new RoundRectangle2D.Double(width * inset, height * inset, width * (1 - 2 * inset),
                    height * (1 - 2 * inset), width * 0.3, height * 0.3));
        } finally {
            g.dispose();
        }
        byte[] alpha = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < alpha.length; i++) {
            data[i * 4] = alpha[i];
        }
    }

    private static void write(BufferedImage image, ImageFormat format, Path target) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".sample-", ".tmp");
        try {
            if (format == ImageFormat.JPEG) {
                ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                try (OutputStream out = Files.newOutputStream(temp);
                        ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(stream);
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(JPEG_QUALITY);
                    writer.write(null, new IIOImage(image, null, null), param);
                } finally {
                    writer.dispose();
                }
            } else if (!ImageIO.write(image, format.imageIoName(), temp.toFile())) {
                throw new IOException("no ImageIO writer for " + format);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static float[] randomColour(SplittableRandom random, float min, float max) {
        float[] bgr = new float[3];
        for (int i = 0; i < 3; i++) {
            bgr[i] = min + (max - min) * (float) random.nextDouble();
        }
        return bgr;
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }

    private static float smoothstep(float edge0, float edge1, float x) {
        float t = Math.max(0, Math.min(1, (x - edge0) / (edge1 - edge0)));
        return t * t * (3 - 2 * t);
    }

    private static byte toByte(float value) {
        return (byte) Math.max(0, Math.min(255, Math.round(value * 255)));
    }
}
