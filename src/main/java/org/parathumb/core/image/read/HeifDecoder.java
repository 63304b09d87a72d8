package org.parathumb.core.image.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.Orientation;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.nativecodec.NativeHeif;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.Scratch;

/**
 * HEIF/HEIC and AVIF through the system's libheif ({@link NativeHeif}), decoded on a thread a
 * cancel can walk away from. The pixels come upright
 * (libheif applies the irot and imir boxes, which the HEIF standard says win over EXIF), so the
 * header's orientation is always upright: EXIF is never applied on top.
 */
final class HeifDecoder implements Decoder {

    @Override
    public boolean reads(ImageFormat format) {
        return (format == ImageFormat.HEIF || format == ImageFormat.AVIF) && NativeHeif.availability().readable();
    }

    @Override
    public String describe(ImageFormat format) {
        String library = NativeHeif.availability().description();
        return codecPresent(format) ? library : library + " without a " + codec(format) + " decoder (install "
                + codecPackage(format) + ")";
    }

    @Override
    public boolean ready(ImageFormat format) {
        return codecPresent(format);
    }

    private static boolean codecPresent(ImageFormat format) {
        return NativeHeif.availability().description().contains(" " + codec(format));
    }

    private static String codec(ImageFormat format) {
        return format == ImageFormat.AVIF ? "AV1" : "HEVC";
    }

    /**
     * libheif 1.15 cannot stop a decode it has started (a 12 MP HEIC takes most of a second, more
     * on a busy machine), so it runs on a thread of its own, on a file buffer and an output no one
     * else uses, and an interrupt lets the caller walk away at once: the abandoned decode ends by
     * itself and its result is dropped.
     */
    private static byte[] decodeLeavable(ByteBuffer data, int length, NativeHeif.Info info, int size)
            throws ImageFailure {
        byte[] out = new byte[size];
        FutureTask<Void> task = new FutureTask<>(() -> {
            NativeHeif.decode(data, length, info, out);
            return null;
        });
        Thread thread = new Thread(task, "heif-decode");
        thread.setDaemon(true);
        thread.start();
        try {
            task.get();
            return out;
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ImageFailure failure) {
                throw failure;
            }
            if (cause instanceof CancelledException cancelled) {
                throw cancelled;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The Debian package of the decoder libheif uses for {@code format}. */
    private static String codecPackage(ImageFormat format) {
        return format == ImageFormat.AVIF ? "libdav1d6 or libaom3" : "libde265-0";
    }

    @Override
    public ImageHeader readHeader(Path file, ImageFormat format) throws IOException {
        // libheif needs the whole box structure (meta, iloc) to find the primary image: read it all.
        ByteBuffer data = FileBytes.head(file, (int) Math.min(Integer.MAX_VALUE - 8, Files.size(file)));
        NativeHeif.Info info = NativeHeif.info(data, data.position());
        PixelLayout layout = info.alpha() ? PixelLayout.RGBA : PixelLayout.RGB;
        // libheif's decoded image (planes, then the interleaved copy) comes before ours.
        return new ImageHeader(format, info.width(), info.height(), Orientation.NORMAL, layout, 2 * layout.channels());
    }

    @Override
    public DecodedImage decode(Path file, ImageFormat format, Scratch scratch) throws IOException {
        // Its own buffer, not the thread's: an abandoned decode may still read it (decodeLeavable).
        ByteBuffer[] own = new ByteBuffer[1];
        int length = FileBytes.readAll(file, n -> own[0] = ByteBuffer.allocateDirect(Math.max(1, n)));
        ByteBuffer data = own[0];
        NativeHeif.Info info = NativeHeif.info(data, length);
        int size = WholeFileDecoder.pixelBytes(info);
        if (!codecPresent(format)) {
            throw new ImageFailure(ImageFailure.Kind.UNSUPPORTED, format.name() + " needs " + codecPackage(format)
                    + " (libheif has no " + codec(format) + " decoder here; on Debian or Ubuntu: apt-get install "
                    + codecPackage(format) + ")");
        }
        byte[] out = decodeLeavable(data, length, info, size);
        PixelLayout layout = info.alpha() ? PixelLayout.RGBA : PixelLayout.RGB;
        return new DecodedImage(layout.wrap(out, info.width(), info.height()), format);
    }
}
