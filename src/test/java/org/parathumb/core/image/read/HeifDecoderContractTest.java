package org.parathumb.core.image.read;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.parathumb.core.image.FormatSamples;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.nativecodec.NativeHeif;

/** The libheif decoder keeps the decoder contract on HEIC and AVIF: alpha, rotated, 10-bit. */
class HeifDecoderContractTest extends DecoderContract {

    @BeforeAll
    void needsLibheif() {
        FormatSamples.requireLibrary(NativeHeif.availability().readable(), NativeHeif.availability().description());
    }

    @Override
    Decoder decoder() {
        return new HeifDecoder();
    }

    @Override
    List<Sample> samples() {
        return List.of(
                sample("photo.heic", ImageFormat.HEIF, PixelLayout.RGB, 96, 64),
                sample("alpha.heic", ImageFormat.HEIF, PixelLayout.RGBA, 96, 64),
                sample("rotated.heic", ImageFormat.HEIF, PixelLayout.RGB, 64, 96),
                sample("photo.avif", ImageFormat.AVIF, PixelLayout.RGB, 96, 64),
                sample("10bit.avif", ImageFormat.AVIF, PixelLayout.RGB, 96, 64),
                sample("alpha.avif", ImageFormat.AVIF, PixelLayout.RGBA, 96, 64));
    }

    private static Sample sample(String name, ImageFormat format, PixelLayout layout, int width, int height) {
        return new Sample(name, FormatSamples.bytes(name), format, layout, width, height);
    }
}
