package org.parathumb.core.image.read;

import java.nio.file.Path;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.Orientation;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.nativecodec.NativeJxl;

/**
 * JPEG XL through the system's libjxl ({@link NativeJxl}). libjxl applies the codestream's
 * orientation, so the pixels come upright and the header's orientation is always upright.
 */
final class JxlDecoder extends WholeFileDecoder<NativeJxl.Info> {

    /** Enough of a file for the basic info (size, channels, orientation) of the codestream. */
    private static final int HEADER_BYTES = 64 * 1024;

    JxlDecoder() {
        super(ImageFormat.JXL, NativeJxl::availability, HEADER_BYTES, NativeJxl::info, NativeJxl::decode);
    }

    @Override
    ImageHeader header(Path file, ImageFormat format, NativeJxl.Info info) {
        PixelLayout layout = layout(info.channels());
        // libjxl decodes into its own buffer, which is copied into ours.
        return new ImageHeader(format, info.width(), info.height(), Orientation.NORMAL, layout, layout.channels());
    }
}
