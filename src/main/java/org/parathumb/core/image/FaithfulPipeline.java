package org.parathumb.core.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The original Python program, pixel for pixel: Pillow's GaussianBlur, then its thumbnail, then
 * its save(). Each thread decodes into its own reused buffer and blurs there in place, so a
 * 12 MP image costs no 36 MB allocation after the first; only the small results are new.
 */
public final class FaithfulPipeline implements ThumbnailPipeline {

    private final ImageDecoder decoder = new ImageDecoder();
    private final ImageEncoder encoder = new ImageEncoder();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    @Override
    public String name() {
        return "faithful";
    }

    @Override
    public Thumbnail render(Path source, ThumbnailSpec spec) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(spec, "spec");
        Scratch buffers = scratch.get();
        long start = System.nanoTime();
        DecodedImage decoded = decoder.decode(source, buffers);
        BufferedImage image = decoded.image();
        long decodedAt = System.nanoTime();
        if (spec.blurRadius() > 0) {
            new PillowGaussianBlur(spec.blurRadius()).blurInto(image, image, buffers);
        }
        long blurredAt = System.nanoTime();
        BufferedImage thumbnail = thumbnail(image, spec);
        long resizedAt = System.nanoTime();
        return new Thumbnail(thumbnail, decoded.format(), image.getWidth(), image.getHeight(),
                decodedAt - start, blurredAt - decodedAt, resizedAt - blurredAt);
    }

    /** Pillow's thumbnail of an image this pipeline owns (it may premultiply it in place). */
    private static BufferedImage thumbnail(BufferedImage image, ThumbnailSpec spec) {
        Optional<ThumbnailSize> size = ThumbnailSize.fit(
                image.getWidth(), image.getHeight(), spec.maxWidth(), spec.maxHeight());
        if (size.isEmpty()) {
            return new PillowThumbnail(spec.maxWidth(), spec.maxHeight()).apply(image);
        }
        if (PixelLayout.of(image).orElseThrow().hasAlpha()) {
            byte[] samples = PixelLayout.samples(image);
            PremultiplyAlpha.inPlace(samples, image.getWidth() * image.getHeight() * 4);
            return PillowThumbnail.resizePremultiplied(image, size.get());
        }
        return PillowThumbnail.resizeOpaque(image, size.get());
    }

    @Override
    public void releaseThreadBuffers() {
        scratch.remove();
    }

    @Override
    public void write(Thumbnail thumbnail, ImageFormat format, OutputStream out) throws IOException {
        Objects.requireNonNull(thumbnail, "thumbnail");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        encoder.write(thumbnail.image(), format, out);
    }
}
