package org.parathumb.core.image.read;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.parathumb.core.image.FormatSamples;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.nativecodec.NativeJxl;

/** The libjxl decoder keeps the decoder contract on lossy, lossless with alpha, and a container. */
class JxlDecoderContractTest extends DecoderContract {

    @BeforeAll
    void needsLibjxl() {
        FormatSamples.requireLibrary(NativeJxl.availability().readable(), NativeJxl.availability().description());
    }

    @Override
    Decoder decoder() {
        return new JxlDecoder();
    }

    @Override
    List<Sample> samples() {
        return List.of(
                sample("photo.jxl", PixelLayout.RGB),
                sample("alpha.jxl", PixelLayout.RGBA),
                sample("container.jxl", PixelLayout.RGB));
    }

    private static Sample sample(String name, PixelLayout layout) {
        return new Sample(name, FormatSamples.bytes(name), ImageFormat.JXL, layout, 96, 64);
    }
}
