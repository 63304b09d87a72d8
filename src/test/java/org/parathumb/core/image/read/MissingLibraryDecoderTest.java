package org.parathumb.core.image.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;

class MissingLibraryDecoderTest {

    private final AtomicInteger asked = new AtomicInteger();

    private final MissingLibraryDecoder decoder = new MissingLibraryDecoder(Set.of(ImageFormat.JXL), "libjxl0.7",
            () -> {
                asked.incrementAndGet();
                return "libjxl.so.0.7 not found";
            });

    @Test
    void choosingADecoderForAnotherFormatNeverOpensTheLibrary() {
        assertThat(decoder.reads(ImageFormat.JPEG)).isFalse();
        assertThat(decoder.reads(ImageFormat.JXL)).isTrue();

        assertThat(asked).hasValue(0);
    }

    @Test
    void aFileOfItsFormatFailsNamingThePackageAndWhy() {
        assertThatThrownBy(() -> decoder.readHeader(Path.of("photo.jxl"), ImageFormat.JXL))
                .isInstanceOf(ImageFailure.class)
                .hasMessage("JXL needs libjxl0.7 (libjxl.so.0.7 not found; on Debian or Ubuntu: apt-get install"
                        + " libjxl0.7)");
        assertThat(decoder.describe(ImageFormat.JXL)).isEqualTo("needs libjxl0.7 (libjxl.so.0.7 not found)");
    }
}
