package org.parathumb.core.image.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parathumb.core.image.FormatSamples;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.nativecodec.NativeWebp;

/**
 * libwebp's decode straight to a reduced size (the fast pipeline's WebP route): each pixel the
 * average of the source pixels it covers, a reason for a damaged file, and no such decode of what
 * it cannot do (alpha, animations). A cancel inside it: {@link WebpCancelTest}.
 */
class WebpScaledDecodeTest {

    @BeforeEach
    void needsLibwebp() {
        FormatSamples.requireLibrary(NativeWebp.availability().readable(), NativeWebp.availability().description());
    }

    /** A sample file in a direct buffer, as the pipelines hand it to libwebp. */
    private static ByteBuffer direct(byte[] file) {
        return ByteBuffer.allocateDirect(file.length).put(file).flip();
    }

    /** The full decode {@code full} averaged over {@code factor x factor} blocks (whole blocks only), rounded. */
    private static int[] boxAverage(byte[] full, int width, int height, int factor) {
        int outWidth = width / factor;
        int outHeight = height / factor;
        int[] out = new int[outWidth * outHeight * 3];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                for (int c = 0; c < 3; c++) {
                    int sum = 0;
                    for (int dy = 0; dy < factor; dy++) {
                        for (int dx = 0; dx < factor; dx++) {
                            sum += full[((y * factor + dy) * width + x * factor + dx) * 3 + c] & 0xFF;
                        }
                    }
                    out[(y * outWidth + x) * 3 + c] = (sum + factor * factor / 2) / (factor * factor);
                }
            }
        }
        return out;
    }

    /** How far a scaled decode is from the block average, over {@code samples} samples of whole blocks. */
    private record Differences(long max, long squares, long samples) {

        double psnr() {
            return 10 * Math.log10(255.0 * 255.0 / ((double) squares / samples));
        }
    }

    /** {@code name} decoded scaled by {@code 1 / factor} against the block average of its full decode. */
    private static Differences differences(String name, int factor) throws ImageFailure {
        byte[] file = FormatSamples.bytes(name);
        ByteBuffer data = direct(file);
        NativeWebp.Features features = NativeWebp.features(data, file.length);
        int width = features.width();
        int height = features.height();
        byte[] full = new byte[width * height * 3];
        NativeWebp.decode(data, file.length, features, full);
        int scaledWidth = (width + factor - 1) / factor;
        int scaledHeight = (height + factor - 1) / factor;
        byte[] scaled = new byte[scaledWidth * scaledHeight * 3];
        NativeWebp.decodeScaled(data, file.length, features, scaledWidth, scaledHeight, scaled);

        int[] average = boxAverage(full, width, height, factor);
        long max = 0;
        long squares = 0;
        for (int y = 0; y < height / factor; y++) {
            for (int i = 0; i < width / factor * 3; i++) {
                long d = Math.abs(average[y * (width / factor) * 3 + i] - (scaled[y * scaledWidth * 3 + i] & 0xFF));
                max = Math.max(max, d);
                squares += d * d;
            }
        }
        return new Differences(max, squares, (long) (width / factor) * (height / factor) * 3);
    }

    @ParameterizedTest(name = "1/{0}")
    @ValueSource(ints = {2, 4, 8})
    void aLosslessImageScaledIsTheAverageOfItsFullDecode(int factor) throws ImageFailure {
        Differences d = differences("large-lossless.webp", factor); // 4096x4096, RGB gradients

        assertThat(d.max()).as("largest difference from the %dx%d block average", factor, factor).isLessThanOrEqualTo(1);
    }

    @ParameterizedTest(name = "1/{0}")
    @ValueSource(ints = {2, 4, 8})
    void aLossyImageScaledStaysCloseToTheAverageOfItsFullDecode(int factor) throws ImageFailure {
        // libwebp scales a lossy image's Y, U and V planes before turning them into RGB: near sharp
        // colour edges that is not quite the average of the RGB pixels (41 to 47 dB measured).
        Differences d = differences("large-lossy.webp", factor); // 1200x800

        assertThat(d.psnr()).as("PSNR against the %dx%d block average", factor, factor).isGreaterThanOrEqualTo(40.0);
    }

    @Test
    void aCutShortFileFailsWithAReason() throws ImageFailure {
        byte[] whole = FormatSamples.bytes("large-lossy.webp");
        NativeWebp.Features features = NativeWebp.features(direct(whole), whole.length);
        byte[] half = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> NativeWebp.decodeScaled(direct(half), half.length, features, 300, 200,
                new byte[300 * 200 * 3]))
                .isInstanceOfSatisfying(ImageFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(ImageFailure.Kind.TRUNCATED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"large-lossless-alpha.webp", "animated.webp"})
    void imagesWithAlphaAndAnimationsAreNotDecodedScaled(String name) throws ImageFailure {
        byte[] file = FormatSamples.bytes(name);
        NativeWebp.Features features = NativeWebp.features(direct(file), file.length);

        assertThatThrownBy(() -> NativeWebp.decodeScaled(direct(file), file.length, features, 10, 10,
                new byte[10 * 10 * 4])).isInstanceOf(IllegalArgumentException.class);
    }
}
