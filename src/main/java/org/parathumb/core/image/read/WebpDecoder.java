package org.parathumb.core.image.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.nativecodec.NativeWebp;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.Scratch;

/**
 * WebP through the system's libwebp ({@link NativeWebp}), giving Pillow's very samples: RGB, or
 * RGBA when the file says it has alpha. Where libwebp is missing, {@link ImageDecoder} falls back
 * to ImageIO's (TwelveMonkeys') reader.
 */
final class WebpDecoder implements Decoder {

    /** Enough of a file for WebPGetFeatures: the RIFF header, VP8X and the first frame's header. */
    private static final int HEADER_BYTES = 4096;

    @Override
    public boolean reads(ImageFormat format) {
        return format == ImageFormat.WEBP && NativeWebp.availability().readable();
    }

    @Override
    public String describe(ImageFormat format) {
        return NativeWebp.availability().description();
    }

    @Override
    public ImageHeader readHeader(Path file, ImageFormat format) throws IOException {
        ByteBuffer head = FileBytes.head(file, HEADER_BYTES);
        NativeWebp.Features features = NativeWebp.features(head, head.position());
        PixelLayout layout = features.alpha() ? PixelLayout.RGBA : PixelLayout.RGB;
        // libwebp decodes into its own buffer first, then into ours: one more image of the layout.
        return new ImageHeader(format, features.width(), features.height(), ExifOrientation.of(file, format), layout,
                layout.channels());
    }

    @Override
    public DecodedImage decode(Path file, ImageFormat format, Scratch scratch) throws IOException {
        int length = FileBytes.readAll(file, scratch::direct);
        ByteBuffer data = scratch.direct(length);
        NativeWebp.Features features = NativeWebp.features(data, length);
        long size = (long) features.width() * features.height() * features.channels();
        if (size > Integer.MAX_VALUE - 8) {
            throw new ImageFailure(ImageFailure.Kind.TOO_LARGE,
                    "too large (" + features.width() + "x" + features.height() + " pixels)");
        }
        byte[] out = scratch.bytes((int) size);
        NativeWebp.decode(data, length, features, out);
        PixelLayout layout = features.alpha() ? PixelLayout.RGBA : PixelLayout.RGB;
        return new DecodedImage(layout.wrap(out, features.width(), features.height()), format);
    }
}
