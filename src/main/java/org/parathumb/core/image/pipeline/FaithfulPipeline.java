package org.parathumb.core.image.pipeline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.SpareCores;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSize;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.nativecodec.NativeBicubic;
import org.parathumb.core.image.nativecodec.NativeBlurReduce;
import org.parathumb.core.image.nativecodec.NativeJpeg;
import org.parathumb.core.image.nativecodec.NativeLibrary;
import org.parathumb.core.image.pillow.BlurStream;
import org.parathumb.core.image.pillow.ExtendedBox;
import org.parathumb.core.image.pillow.PillowGaussianBlur;
import org.parathumb.core.image.pillow.PillowThumbnail;
import org.parathumb.core.image.pillow.ReducingSink;
import org.parathumb.core.image.pillow.UnpremultiplyAlpha;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.Scratch;
import org.parathumb.core.image.read.ImageDecoder;
import org.parathumb.core.image.read.JpegStructure;

/**
 * The original Python program, pixel for pixel: Pillow's GaussianBlur, then its thumbnail, then
 * its save(). Three routes, one result:
 * <ul>
 * <li>a plain JPEG, where the {@linkplain NativeBlurReduce native kernel} and the system's
 * libjpeg load, is decoded row by row straight into the kernel's blur and reduce: no full-size
 * image exists at all;</li>
 * <li>any other image is decoded (PNGs by the system's libdeflate or libspng where the native library loads,
 * with the same samples; anything else by {@link ImageDecoder}) into the thread's reused buffer (a 12 MP
 * image costs no 36 MB allocation after the first), then blurred into the reduce by the native
 * kernel or, without it, by {@link BlurStream};</li>
 * <li>images with alpha, and blurs the streams do not cover, take Pillow's full-size path: the
 * bicubic resize of the whole premultiplied image runs in {@linkplain NativeBicubic native code}
 * where the kernel loads, with the same bytes as {@link PillowThumbnail}'s.</li>
 * </ul>
 * A JPEG of the first route runs on two threads when its worker can {@linkplain SpareCores borrow}
 * an idle core from its pool; so does the native kernel's blur of any other image (its lower half
 * on the borrowed core). The bytes are the same.
 */
public final class FaithfulPipeline implements ThumbnailPipeline {

    /**
     * The smallest image (in pixels) worth a {@linkplain SpareCores borrowed} core: below it the
     * second thread's start and hand-overs cost about what it saves.
     */
    static final long TWO_THREADS_FROM_PIXELS = 512 * 1024;

    /** A borrowed core for an image of that size if it is worth one and the pool has one idle. */
    private static SpareCores.Loan borrowFor(int width, int height) {
        return (long) width * height >= TWO_THREADS_FROM_PIXELS ? SpareCores.borrow() : SpareCores.none();
    }

    private final ImageDecoder decoder = new ImageDecoder();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    private final boolean nativeKernel;

    /** The pipeline, with the native blur kernel where it is {@linkplain #kernel() available}. */
    public FaithfulPipeline() {
        this(NativeLibrary.available());
    }

    /**
     * The pipeline with the kernel chosen: the native one (which must be loaded) or the Java one.
     * Both give the same bytes; benchmarks and tests compare them.
     */
    public FaithfulPipeline(boolean nativeKernel) {
        if (nativeKernel && !NativeLibrary.available()) {
            throw new IllegalStateException("the native kernel is not loaded: " + NativeLibrary.status());
        }
        this.nativeKernel = nativeKernel;
    }

    /** What blurs the common case in this JVM: "native AVX2 kernel", or "Java blur (why)". */
    public static String kernel() {
        return NativeLibrary.status();
    }

    /** The {@linkplain #kernel() kernel} this pipeline runs. */
    @Override
    public String engine() {
        return nativeKernel || !NativeLibrary.available() ? kernel() : "Java blur (chosen over the native kernel)";
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
        if (nativeKernel && NativeLibrary.decodesJpeg() && spec.blurRadius() > 0
                && NativeBlurReduce.BOX.equals(ExtendedBox.forGaussianRadius(spec.blurRadius()))) {
            Optional<Thumbnail> fused = jpegThroughTheKernel(source, spec, buffers, start);
            if (fused.isPresent()) {
                return fused.get();
            }
        }
        Optional<DecodedImage> png = nativeKernel ? NativePngDecoding.decode(source, buffers) : Optional.empty();
        DecodedImage decoded = png.isPresent() ? png.get() : decoder.decode(source, buffers);
        return render(decoded, spec, start);
    }

    /**
     * The thumbnail of an image already decoded (by the fast pipeline, which found it is not one
     * it approximates) into a buffer this pipeline may now blur in place; {@code start} is when its
     * decode started.
     */
    Thumbnail render(DecodedImage decoded, ThumbnailSpec spec, long start) {
        Scratch buffers = scratch.get();
        BufferedImage image = decoded.image();
        long decodedAt = System.nanoTime();
        Optional<Reduction> streamed = spec.blurRadius() > 0 ? Reduction.of(image, spec) : Optional.empty();
        BufferedImage thumbnail;
        long blurredAt;
        if (streamed.isPresent()) {
            BufferedImage reduced = streamed.get().blurAndReduce(image, spec, buffers, nativeKernel);
            blurredAt = System.nanoTime();
            thumbnail = streamed.get().resize(reduced);
        } else if (nativeKernel && alphaThroughTheKernel(image, spec)) {
            // Blurred and premultiplied in one pass, then Pillow's resize of the premultiplied image.
            try (SpareCores.Loan loan = borrowFor(image.getWidth(), image.getHeight())) {
                NativeBlurReduce.blurInPlace(PixelLayout.samples(image), image.getWidth(), image.getHeight(), 4, true,
                        buffers, loan.threads());
            }
            blurredAt = System.nanoTime();
            thumbnail = resizeAlpha(image, ThumbnailSize.fit(image.getWidth(), image.getHeight(), spec.maxWidth(),
                    spec.maxHeight()).orElseThrow(), true);
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
            if (layout.hasAlpha()) {
                return Optional.empty();
            }
            return of(image.getWidth(), image.getHeight(), spec);
        }

        /** For an opaque {@code width x height} image. */
        static Optional<Reduction> of(int width, int height, ThumbnailSpec spec) {
            ExtendedBox box = ExtendedBox.forGaussianRadius(spec.blurRadius());
            if (box.isIdentity() || !BlurStream.supports(box)) {
                return Optional.empty();
            }
            return PillowReduce.of(width, height, spec)
                    .map(reduce -> new Reduction(width, height, reduce.factorX(), reduce.factorY(), reduce.size()));
        }

        BufferedImage blurAndReduce(BufferedImage image, ThumbnailSpec spec, Scratch buffers, boolean nativeKernel) {
            PixelLayout layout = PixelLayout.of(image).orElseThrow();
            int channels = layout.channels();
            ExtendedBox box = ExtendedBox.forGaussianRadius(spec.blurRadius());
            if (nativeKernel && NativeBlurReduce.supports(box, channels)) {
                byte[] reduced;
                try (SpareCores.Loan loan = borrowFor(width, height)) {
                    reduced = NativeBlurReduce.blurAndReduce(PixelLayout.samples(image), width, height, channels,
                            factorX, factorY, buffers, loan.threads());
                }
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

    /**
     * A plain JPEG decoded by libjpeg straight into the native kernel, row by row, so no full-size
     * image is stored. Empty when the file is anything else, or libjpeg meets anything but a
     * clean JPEG: then {@link ImageDecoder} decodes it, and names what is wrong if anything is.
     */
    private static Optional<Thumbnail> jpegThroughTheKernel(Path source, ThumbnailSpec spec, Scratch buffers,
            long start) throws IOException {
        Optional<WholeFile> file = WholeFile.read(source, buffers);
        if (file.isEmpty() || !file.get().isJpeg()) {
            return Optional.empty();
        }
        ByteBuffer data = file.get().data();
        int length = file.get().length();
        Optional<NativeJpeg.Header> header = NativeJpeg.header(data, length);
        if (header.isEmpty() || header.get().iccProfile() && !iccProfileIsIgnorable(source)) {
            return Optional.empty(); // ImageDecoder converts from a profile that is not sRGB's
        }
        int width = header.get().width();
        int height = header.get().height();
        Optional<Reduction> reduction = Reduction.of(width, height, spec);
        if (reduction.isEmpty()) {
            return Optional.empty();
        }
        Reduction r = reduction.get();
        long readAt = System.nanoTime();
        Optional<NativeJpeg.Reduced> reduced;
        try (SpareCores.Loan loan = borrowFor(width, height)) {
            reduced = NativeJpeg.blurAndReduce(data, length, header.get(), r.factorX(), r.factorY(),
                    loan.threads());
        }
        if (reduced.isEmpty()) {
            return Optional.empty();
        }
        long blurredAt = System.nanoTime();
        PixelLayout layout = reduced.get().channels() == 1 ? PixelLayout.GRAY : PixelLayout.RGB;
        BufferedImage thumbnail = r.resize(layout.wrap(reduced.get().samples(),
                (width + r.factorX() - 1) / r.factorX(), (height + r.factorY() - 1) / r.factorY()));
        long resizedAt = System.nanoTime();
        long blurNanos = Math.min(reduced.get().blurNanos(), blurredAt - readAt);
        return Optional.of(new Thumbnail(thumbnail, ImageFormat.JPEG, width, height,
                blurredAt - start - blurNanos, blurNanos, resizedAt - blurredAt));
    }

    /**
     * Whether the JPEG's ICC profile changes no sample when ignored, by the one ICC policy
     * ({@link org.parathumb.core.image.jpeg.JpegColour#iccProfileIsIgnorable}). Reads the header only, up
     * to the first scan.
     */
    static boolean iccProfileIsIgnorable(Path source) {
        try {
            return JpegStructure.read(source).colour().iccProfileIsIgnorable();
        } catch (IOException e) {
            return false;
        }
    }

    /** An RGBA image blurred with the kernel's box, whose thumbnail is a resize (it is not already small). */
    private static boolean alphaThroughTheKernel(BufferedImage image, ThumbnailSpec spec) {
        return spec.blurRadius() > 0 && NativeBlurReduce.BOX.equals(ExtendedBox.forGaussianRadius(spec.blurRadius()))
                && PixelLayout.of(image).orElseThrow() == PixelLayout.RGBA
                && ThumbnailSize.fit(image.getWidth(), image.getHeight(), spec.maxWidth(), spec.maxHeight()).isPresent();
    }

    /** Pillow's thumbnail of an image this pipeline owns (it may premultiply it in place). */
    private BufferedImage thumbnail(BufferedImage image, ThumbnailSpec spec) {
        Optional<ThumbnailSize> size = ThumbnailSize.fit(
                image.getWidth(), image.getHeight(), spec.maxWidth(), spec.maxHeight());
        if (size.isEmpty()) {
            return new PillowThumbnail(spec.maxWidth(), spec.maxHeight()).apply(image);
        }
        if (PixelLayout.of(image).orElseThrow().hasAlpha()) {
            return resizeAlpha(image, size.get(), false);
        }
        return PillowThumbnail.resizeOwned(image, size.get());
    }

    /**
     * Pillow's resize of an RGBA image this pipeline owns, straight or already {@code premultiplied}:
     * a bicubic of the whole premultiplied image, then the un-premultiply. The native resize reads
     * the image as it is (premultiplying each row on the way); the Java one premultiplies it in place.
     */
    private BufferedImage resizeAlpha(BufferedImage image, ThumbnailSize size, boolean premultiplied) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (nativeKernel && NativeBicubic.covers(width, height, size.width(), size.height())) {
            byte[] resized = NativeBicubic.resizeRgba(PixelLayout.samples(image), width, height, premultiplied,
                    size.width(), size.height());
            return new UnpremultiplyAlpha().apply(PixelLayout.RGBA.wrap(resized, size.width(), size.height()));
        }
        return premultiplied ? PillowThumbnail.resizePremultipliedOwned(image, size)
                : PillowThumbnail.resizeOwned(image, size);
    }

    @Override
    public void releaseThreadBuffers() {
        scratch.remove();
    }

    @Override
    public long threadBufferBytes() {
        return scratch.get().heapBytes();
    }

    /**
     * Pillow's {@code save()} at its defaults ({@link ThumbnailWriter#pillowSave}): Pillow's bytes;
     * does not close {@code out}.
     */
    @Override
    public void write(Thumbnail thumbnail, ImageFormat format, OutputStream out) throws IOException {
        ThumbnailWriter.pillowSave(thumbnail, format, pngCompression(), out);
    }

    @Override
    public ImageHeader readHeader(Path source) throws IOException {
        return decoder.readHeader(source);
    }
}
