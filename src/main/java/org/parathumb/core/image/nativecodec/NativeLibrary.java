package org.parathumb.core.image.nativecodec;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The project's JNI library ({@code src/main/native}, shipped in the jar for Linux x86-64), loaded
 * once, when this class is first used, and what it can do in this JVM: its kernels
 * ({@link NativeBlurReduce}, {@link NativeBicubic}) need AVX2, and use AVX-512 where the CPU has it;
 * its codecs open the system's libjpeg, libdeflate and libspng (and, each on first use, libwebp,
 * libheif, libjxl). Anywhere else, or with {@code -Dparathumb.native=false}, {@link #available()}
 * is false, {@link #status()} says why, and the Java code runs instead.
 */
public final class NativeLibrary {

    /** System property that turns the kernel off ({@code -Dparathumb.native=false}). */
    static final String PROPERTY = "parathumb.native";

    static final String RESOURCE = "native/linux-x86_64/libparathumb-blur.so";

    /** The kernels' numbers in the library: AVX2 and AVX-512 (BW). */
    static final int AVX2 = 1;
    static final int AVX512 = 2;

    /** Set once System.load has run JNI_OnLoad: the codecs need the library, not AVX2. Before STATUS. */
    private static volatile boolean libraryLoaded;

    private static final Status STATUS = load(System.getProperty(PROPERTY, "true"),
            System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
            NativeLibrary.class.getResource(RESOURCE));

    /**
     * The widest kernel this CPU runs ({@link #AVX2}, {@link #AVX512}, or 0 when the library is not
     * used), whether it decodes JPEGs through libjpeg, PNGs through libspng and the common PNGs
     * through libdeflate, and in words what runs.
     */
    record Status(int kernel, boolean jpeg, boolean png, boolean pngInflate, String description) {
        Status {
            Objects.requireNonNull(description, "description");
            boolean codecs = jpeg || png || pngInflate;
            if (kernel != 0 && kernel != AVX2 && kernel != AVX512 || codecs && kernel == 0) {
                throw new IllegalArgumentException("no kernel " + kernel + (codecs ? " beside the codecs" : ""));
            }
        }

        static Status javaBlur(String why) {
            return new Status(0, false, false, false, "Java blur (" + why + ")");
        }

        /** Whether the library is loaded and runs on this CPU. */
        boolean loaded() {
            return kernel != 0;
        }
    }

    private NativeLibrary() {
    }

    /** Whether the library is loaded and its kernels run on this CPU. */
    public static boolean available() {
        return STATUS.loaded();
    }

    /** Whether the library is loaded in this JVM, whatever the CPU: the codecs need no AVX2. */
    static boolean loaded() {
        return STATUS != null && libraryLoaded;
    }

    /**
     * "native AVX-512 kernel on libjpeg, libdeflate, libspng" (JPEGs decoded into the kernel, PNGs of
     * 8 bits a sample inflated by libdeflate, the other PNGs by libspng), "native AVX-512 kernel"
     * (no library: ImageIO decodes), or why the Java stream runs instead.
     */
    public static String status() {
        return STATUS.description();
    }

    /** Whether the library decodes PNGs, through the system's libspng.so.0. */
    static boolean decodesPng() {
        return STATUS.png();
    }

    /** Whether the library decodes the common PNGs (8 bits, not interlaced) through the system's libdeflate. */
    static boolean inflatesPng() {
        return STATUS.pngInflate();
    }

    /** The widest kernel this CPU runs, or 0 when the library is not used. */
    static int kernel() {
        return STATUS.kernel();
    }

    /** Whether the kernel can decode JPEGs itself, through the system's libjpeg.so.62. */
    public static boolean decodesJpeg() {
        return STATUS.jpeg();
    }

    /**
     * Loads the kernel if {@code enabled} is not "false", the platform is Linux x86-64, the
     * library is there and loads, and the CPU has AVX2; otherwise says which of those failed.
     */
    static Status load(String enabled, String os, String arch, URL library) {
        if ("false".equalsIgnoreCase(enabled.strip())) {
            return Status.javaBlur("native kernel turned off with -D" + PROPERTY + "=false");
        }
        String system = os.toLowerCase(Locale.ROOT);
        if (!system.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Status.javaBlur("no native kernel for " + os + " " + arch);
        }
        if (library == null) {
            return Status.javaBlur("native kernel missing from the class path");
        }
        try {
            Path folder = privateFolder(Path.of(System.getProperty("java.io.tmpdir")));
            Path file = folder.resolve("libparathumb-blur.so");
            try (InputStream in = library.openStream()) {
                Files.copy(in, file);
                System.load(file.toAbsolutePath().toString());
                libraryLoaded = true;
            } finally {
                // Linux keeps a loaded library mapped: the file is not needed once loaded.
                Files.deleteIfExists(file);
                Files.deleteIfExists(folder);
            }
            int bits = NativeBlurReduce.kernels0();
            int kernel = (bits & 1 << AVX512) != 0 ? AVX512 : (bits & 1 << AVX2) != 0 ? AVX2 : 0;
            if (kernel == 0) {
                return Status.javaBlur("the CPU lacks AVX2");
            }
            boolean jpeg = NativeJpeg.openLibjpeg();
            boolean png = NativePng.openLibspng(NativePng.LIBSPNG.soname());
            boolean pngInflate = NativePng.openLibdeflate(NativePng.LIBDEFLATE.soname());
            String codecs = Stream.of(jpeg ? "libjpeg" : "", pngInflate ? "libdeflate" : "", png ? "libspng" : "")
                    .filter(name -> !name.isEmpty()).collect(Collectors.joining(", "));
            return new Status(kernel, jpeg, png, pngInflate, "native " + NativeBlurReduce.kernelName(kernel)
                    + " kernel" + (codecs.isEmpty() ? "" : " on " + codecs));
        } catch (IOException | LinkageError | SecurityException e) {
            return Status.javaBlur("native kernel failed to load: " + e.getMessage());
        }
    }

    /**
     * A new folder in {@code parent} that only this user may enter (rwx------), named after this
     * process and a random number, to copy the library into. {@code Files.createTempDirectory}
     * does the same with a name drawn from {@code SecureRandom}, whose seeding costs a cold run
     * about 9 ms; the name need not be unguessable: {@code createDirectory} fails rather than
     * use a folder that exists (another user's, or a link), and then another name is drawn.
     */
    static Path privateFolder(Path parent) throws IOException {
        String prefix = "parathumb-native-" + ProcessHandle.current().pid() + "-";
        // A local, not a constant: this runs from the class's initialiser, before later constants are set.
        Set<PosixFilePermission> owner = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE);
        while (true) {
            Path folder = parent.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            try {
                return Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(owner));
            } catch (FileAlreadyExistsException taken) {
                // Drawn before, or planted: draw again.
            }
        }
    }

    /** The SHA-256 of the source the loaded library was built from. */
    static native String sourceDigest();
}
