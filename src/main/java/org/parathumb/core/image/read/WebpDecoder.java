package org.parathumb.core.image.read;

import java.io.IOException;
import java.nio.file.Path;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.nativecodec.NativeWebp;

/**
 * WebP through the system's libwebp ({@link NativeWebp}), giving Pillow's very samples: RGB, or
 * RGBA when the file says it has alpha. Where libwebp is missing, {@link ImageDecoder} falls back
 * to ImageIO's (TwelveMonkeys') reader.
 */
final class WebpDecoder extends WholeFileDecoder<NativeWebp.Features> {

    /** Enough of a file for WebPGetFeatures: the RIFF header, VP8X and the first frame's header. */
    private static final int HEADER_BYTES = 4096;

    WebpDecoder() {
        super(ImageFormat.WEBP, NativeWebp::availability, HEADER_BYTES, NativeWebp::features, NativeWebp::decode);
    }

    @Override
    ImageHeader header(Path file, ImageFormat format, NativeWebp.Features features) throws IOException {
        PixelLayout layout = layout(features.channels());
        // libwebp decodes into its own buffer first, then into ours: one more image of the layout.
        return new ImageHeader(format, features.width(), features.height(), ExifOrientation.of(file, format), layout,
                layout.channels());
    }
}
