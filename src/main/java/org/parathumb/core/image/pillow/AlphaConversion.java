package org.parathumb.core.image.pillow;

import java.awt.image.BufferedImage;
import org.parathumb.core.image.ImageFilter;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.pixels.LayoutConversion;

/**
 * A conversion of each RGBA pixel's colour by its alpha, applied to a copy of the image: the
 * shape {@link PremultiplyAlpha} and {@link UnpremultiplyAlpha} share. Images without alpha come
 * back as a plain copy.
 */
abstract class AlphaConversion implements ImageFilter {

    @Override
    public final BufferedImage apply(BufferedImage image) {
        BufferedImage source = LayoutConversion.toLayout(image);
        BufferedImage out = PixelLayout.of(source).orElseThrow().create(source.getWidth(), source.getHeight());
        byte[] dst = PixelLayout.samples(out);
        System.arraycopy(PixelLayout.samples(source), 0, dst, 0, dst.length);
        if (PixelLayout.of(out).orElseThrow().hasAlpha()) {
            convert(dst, dst.length);
        }
        return out;
    }

    /** Converts the first {@code length} bytes of RGBA samples where they are. */
    abstract void convert(byte[] rgba, int length);
}
