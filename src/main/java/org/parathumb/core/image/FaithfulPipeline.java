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
    private final boolean nativeKernel;

    /** The pipeline, with the native blur kernel where it is {@linkplain #kernel() available}. */
    public FaithfulPipeline() {
        this(NativeBlurReduce.available());
    }

    /** Tests choose the kernel: both must give the same bytes. */
    FaithfulPipeline(boolean nativeKernel) {
        if (nativeKernel && !NativeBlurReduce.available()) {
            throw new IllegalStateException("the native kernel is not loaded: " + NativeBlurReduce.status());
        }
        this.nativeKernel = nativeKernel;
    }

    /** What blurs the common case in this JVM: "native AVX2 kernel", or "Java blur (why)". */
    public static String kernel() {
        return NativeBlurReduce.status();
    }

    /** The {@linkplain #kernel() kernel} this pipeline runs. */
    @Override
    public String engine() {
        return nativeKernel ? kernel() : "Java blur";
    }

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
        Optional<Reduction> streamed = spec.blurRadius() > 0 ? Reduction.of(image, spec) : Optional.empty();
        BufferedImage thumbnail;
        long blurredAt;
        if (streamed.isPresent()) {
            BufferedImage reduced = streamed.get().blurAndReduce(image, spec, buffers, nativeKernel);
            blurredAt = System.nanoTime();
            thumbnail = streamed.get().resize(reduced);
        } else {
            if (spec.blurRadius() > 0) {
                new PillowGaussianBlur(spec.blurRadius()).blurInto(image, image, buffers);
            }
            blurredAt = System.nanoTime();
            thumbnail = thumbnail(image, spec);
        }
        long resizedAt = System.nanoTime();
        return new Thumbnail(thumbnail, decoded.format(), image.getWidth(), image.getHeight(),
                decodedAt - start, blurredAt - decodedAt, resizedAt - blurredAt);
    }

    /**
     * The common case, streamed: an opaque image whose thumbnail starts with an integer reduce,
     * blurred with a narrow box. The blur's rows go straight into the reduce's sums, so the
     * full-size blurred image is never written: the blur stage's time includes the reduce.
     */
    private record Reduction(int width, int height, int factorX, int factorY, ThumbnailSize size) {

        static Optional<Reduction> of(BufferedImage image, ThumbnailSpec spec) {
            PixelLayout layout = PixelLayout.of(image).orElseThrow();
            ExtendedBox box = ExtendedBox.forGaussianRadius(spec.blurRadius());
            if (layout.hasAlpha() || box.isIdentity() || !BlurStream.supports(box)) {
                return Optional.empty();
            }
            int width = image.getWidth();
            int height = image.getHeight();
            return ThumbnailSize.fit(width, height, spec.maxWidth(), spec.maxHeight())
                    .map(size -> new Reduction(width, height, PillowThumbnail.reduceFactor(width, size.width()),
                            PillowThumbnail.reduceFactor(height, size.height()), size))
                    .filter(reduction -> reduction.factorX() > 1 || reduction.factorY() > 1);
        }

        BufferedImage blurAndReduce(BufferedImage image, ThumbnailSpec spec, Scratch buffers, boolean nativeKernel) {
            PixelLayout layout = PixelLayout.of(image).orElseThrow();
            int channels = layout.channels();
            ExtendedBox box = ExtendedBox.forGaussianRadius(spec.blurRadius());
            if (nativeKernel && NativeBlurReduce.supports(box, channels)) {
                byte[] reduced = NativeBlurReduce.blurAndReduce(PixelLayout.samples(image), width, height, channels,
                        factorX, factorY, buffers);
                return layout.wrap(reduced, (width + factorX - 1) / factorX, (height + factorY - 1) / factorY);
            }
            ReducingSink sink = new ReducingSink(width, height, channels, factorX, factorY);
            BlurStream stream = new BlurStream(box, width, height, channels, buffers, sink);
            byte[] samples = PixelLayout.samples(image);
            int n = width * channels;
            for (int y = 0; y < height; y++) {
                stream.push(samples, y * n);
            }
            return layout.wrap(sink.samples(), sink.outWidth(), sink.outHeight());
        }

        BufferedImage resize(BufferedImage reduced) {
            return PillowThumbnail.resizeReduced(reduced, width, height, factorX, factorY, size);
        }
    }

    /** Pillow's thumbnail of an image this pipeline owns (it may premultiply it in place). */
    private static BufferedImage thumbnail(BufferedImage image, ThumbnailSpec spec) {
        Optional<ThumbnailSize> size = ThumbnailSize.fit(
                image.getWidth(), image.getHeight(), spec.maxWidth(), spec.maxHeight());
        if (size.isEmpty()) {
            return new PillowThumbnail(spec.maxWidth(), spec.maxHeight()).apply(image);
        }
        return PillowThumbnail.resizeOwned(image, size.get());
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
