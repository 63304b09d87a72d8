package org.parathumb.core.image.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.Orientation;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.nativecodec.NativeHeif;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.Scratch;

/**
 * HEIF/HEIC and AVIF through the system's libheif ({@link NativeHeif}). The pixels come upright
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

    /** The Debian package of the decoder libheif uses for {@code format}. */
    private static String codecPackage(ImageFormat format) {
        return format == ImageFormat.AVIF ? "libdav1d6 or libaom3" : "libde265-0";
    }

    @Override
    public ImageHeader readHeader(Path file, ImageFormat format) throws IOException {
        // libheif needs the whole box structure (meta, iloc) to find the primary image: read it all.
        ByteBuffer data = FileBytes.head(file, (int) Math.min(Integer.MAX_VALUE - 8, java.nio.file.Files.size(file)));
        NativeHeif.Info info = NativeHeif.info(data, data.position());
        PixelLayout layout = info.alpha() ? PixelLayout.RGBA : PixelLayout.RGB;
        // libheif's decoded image (planes, then the interleaved copy) comes before ours.
        return new ImageHeader(format, info.width(), info.height(), Orientation.NORMAL, layout, 2 * layout.channels());
    }

    @Override
    public DecodedImage decode(Path file, ImageFormat format, Scratch scratch) throws IOException {
        int length = FileBytes.readAll(file, scratch::direct);
        ByteBuffer data = scratch.direct(length);
        NativeHeif.Info info = NativeHeif.info(data, length);
        long size = (long) info.width() * info.height() * info.channels();
        if (size > Integer.MAX_VALUE - 8) {
            throw new ImageFailure(ImageFailure.Kind.TOO_LARGE, "too large (" + info.width() + "x" + info.height() + " pixels)");
        }
        byte[] out = scratch.bytes((int) size);
        if (!codecPresent(format)) {
            throw new ImageFailure(ImageFailure.Kind.UNSUPPORTED, format.name() + " needs " + codecPackage(format)
                    + " (libheif has no " + codec(format) + " decoder here; on Debian or Ubuntu: apt-get install "
                    + codecPackage(format) + ")");
        }
        NativeHeif.decode(data, length, info, out);
        PixelLayout layout = info.alpha() ? PixelLayout.RGBA : PixelLayout.RGB;
        return new DecodedImage(layout.wrap(out, info.width(), info.height()), format);
    }
}
