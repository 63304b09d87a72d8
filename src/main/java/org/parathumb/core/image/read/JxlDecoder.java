package org.parathumb.core.image.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.Orientation;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.nativecodec.NativeJxl;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.Scratch;

/**
 * JPEG XL through the system's libjxl ({@link NativeJxl}). libjxl applies the codestream's
 * orientation, so the pixels come upright and the header's orientation is always upright.
 */
final class JxlDecoder implements Decoder {

    /** Enough of a file for the basic info (size, channels, orientation) of the codestream. */
    private static final int HEADER_BYTES = 64 * 1024;

    @Override
    public boolean reads(ImageFormat format) {
        return format == ImageFormat.JXL && NativeJxl.availability().readable();
    }

    @Override
    public String describe(ImageFormat format) {
        return NativeJxl.availability().description();
    }

    @Override
    public ImageHeader readHeader(Path file, ImageFormat format) throws IOException {
        ByteBuffer head = FileBytes.head(file, HEADER_BYTES);
        NativeJxl.Info info = NativeJxl.info(head, head.position());
        PixelLayout layout = layout(info);
        // libjxl decodes into its own buffer, which is copied into ours.
        return new ImageHeader(format, info.width(), info.height(), Orientation.NORMAL, layout, layout.channels());
    }

    @Override
    public DecodedImage decode(Path file, ImageFormat format, Scratch scratch) throws IOException {
        int length = FileBytes.readAll(file, scratch::direct);
        ByteBuffer data = scratch.direct(length);
        NativeJxl.Info info = NativeJxl.info(data, length);
        long size = (long) info.width() * info.height() * info.channels();
        if (size > Integer.MAX_VALUE - 8) {
            throw new ImageFailure(ImageFailure.Kind.TOO_LARGE, "too large (" + info.width() + "x" + info.height() + " pixels)");
        }
        byte[] out = scratch.bytes((int) size);
        NativeJxl.decode(data, length, info, out);
        return new DecodedImage(layout(info).wrap(out, info.width(), info.height()), format);
    }

    private static PixelLayout layout(NativeJxl.Info info) {
        return switch (info.channels()) {
            case 1 -> PixelLayout.GRAY;
            case 3 -> PixelLayout.RGB;
            default -> PixelLayout.RGBA;
        };
    }
}
