package org.parathumb.core.image.nativecodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Where a native test may skip: anywhere the library or a system codec can be missing, except
 * in CI ({@code CI=true}) on Linux x86-64, where CI installs them and a missing one is a failure.
 */
final class NativeRequired {

    private NativeRequired() {
    }

    /** Skips the test when {@code present} is false, or fails it in CI on Linux x86-64. */
    static void require(boolean present, Supplier<String> why) {
        if (inCiOnLinuxX86()) {
            assertThat(present).as("in CI on Linux x86-64 the native path must load: %s", why.get()).isTrue();
        }
        assumeTrue(present, why);
    }

    static boolean inCiOnLinuxX86() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        return "true".equalsIgnoreCase(System.getenv("CI")) && os.startsWith("linux")
                && (arch.equals("amd64") || arch.equals("x86_64"));
    }
}
