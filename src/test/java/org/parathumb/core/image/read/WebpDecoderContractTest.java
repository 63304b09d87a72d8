package org.parathumb.core.image.read;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.parathumb.core.image.FormatSamples;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.nativecodec.NativeWebp;

/** The libwebp decoder keeps the decoder contract on lossy, lossless, alpha and animated WebPs. */
class WebpDecoderContractTest extends DecoderContract {

    @BeforeAll
    void needsLibwebp() {
        FormatSamples.requireLibrary(NativeWebp.availability().readable(), NativeWebp.availability().description());
    }

    @Override
    Decoder decoder() {
        return new WebpDecoder();
    }

    @Override
    List<Sample> samples() {
        return List.of(
                sample("lossy.webp", PixelLayout.RGB),
                sample("lossless.webp", PixelLayout.RGB),
                sample("lossy-alpha.webp", PixelLayout.RGBA),
                sample("lossless-alpha.webp", PixelLayout.RGBA),
                sample("animated.webp", PixelLayout.RGBA));
    }

    private static Sample sample(String name, PixelLayout layout) {
        return new Sample(name, FormatSamples.bytes(name), ImageFormat.WEBP, layout, 96, 64);
    }
}
