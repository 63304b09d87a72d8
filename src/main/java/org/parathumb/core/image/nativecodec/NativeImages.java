package org.parathumb.core.image.nativecodec;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFailure;

/**
 * What the native codecs (libwebp, libheif, libjxl, each opened from the system at run time)
 * share: the result codes their C side returns (parathumb_native.h), turned into a failure a user
 * can read or a cancel (the C side asks {@link NativeAbort} between chunks, as every native
 * decode does); how each is opened; and the system property that names each library's soname,
 * so a run can be pointed at a missing one.
 */
public final class NativeImages {

    static final int DONE = 0;
    static final int TRUNCATED = 1;
    static final int CANCELLED = 2;
    static final int CORRUPT = 3;
    static final int UNSUPPORTED = 4;
    static final int NO_MEMORY = 5;
    static final int NO_LIBRARY = 6;

    private NativeImages() {
    }

    /** A system library a codec opens: its soname, and the Debian package that installs it. */
    public record Library(String soname, String debianPackage) {
        public Library {
            Objects.requireNonNull(soname, "soname");
            Objects.requireNonNull(debianPackage, "debianPackage");
        }

        /**
         * The soname, unless {@code -Dparathumb.library.NAME=soname} names another (tests point it
         * at one that does not exist to see a machine without the library).
         */
        static Library of(String name, String soname, String debianPackage) {
            return new Library(System.getProperty("parathumb.library." + name, soname), debianPackage);
        }
    }

    /** What a codec can do in this JVM: read, or why not. */
    public record Availability(boolean readable, String description) {
        public Availability {
            Objects.requireNonNull(description, "description");
        }
    }

    /** A decoded image's size and channels (3 RGB, 4 RGBA; 1 gray where the codec gives it), from its header. */
    public interface Shape {
        int width();

        int height();

        int channels();
    }

    /**
     * What a codec can do here: nothing without the native library, nothing when {@code opener}
     * cannot open {@code library}'s soname, else read, as {@code description} says (asked once open).
     */
    static Availability open(Library library, Predicate<String> opener, Supplier<String> description) {
        if (!libraryLoaded()) {
            return new Availability(false, "no native library (" + NativeLibrary.status() + ")");
        }
        if (!opener.test(library.soname())) {
            return new Availability(false, library.soname() + " not found");
        }
        return new Availability(true, description.get());
    }

    /** Throws unless {@code availability} says {@code name} can read. */
    static void requireOpen(Availability availability, String name) {
        if (!availability.readable()) {
            throw new IllegalStateException(name + " is not open: " + availability.description());
        }
    }

    /** Throws unless a header's {@code width} and {@code height} are both positive. */
    static void checkSize(int width, int height) throws ImageFailure {
        if (width < 1 || height < 1) {
            throw new ImageFailure(ImageFailure.Kind.CORRUPT, "corrupt image data (size " + width + "x" + height + ")");
        }
    }

    /** Whether the native library itself loaded (any CPU: the codecs need no AVX2). */
    static boolean libraryLoaded() {
        return NativeLibrary.loaded();
    }

    /**
     * Throws what {@code result} means for a decode by {@code library} that got {@code rows} of
     * {@code height} rows; returns on {@link #DONE}.
     */
    static void check(int result, String library, String detail, int rows, int height) throws ImageFailure {
        switch (result) {
            case DONE -> {
            }
            case CANCELLED -> throw new CancelledException();
            case TRUNCATED -> throw new ImageFailure(ImageFailure.Kind.TRUNCATED, rows > 0 && height > 0
                    ? "truncated (decoded " + Math.min(99, (long) rows * 100 / height) + "% of rows)"
                    : "truncated (the file ends before the image does)");
            case CORRUPT -> throw new ImageFailure(ImageFailure.Kind.CORRUPT, "corrupt image data (" + library
                    + (detail == null || detail.isBlank() ? " rejected it" : ": " + oneLine(detail)) + ")");
            case UNSUPPORTED -> throw new ImageFailure(ImageFailure.Kind.UNSUPPORTED, "unsupported by " + library
                    + (detail == null || detail.isBlank() ? "" : " (" + oneLine(detail) + ")"));
            case NO_MEMORY -> throw new OutOfMemoryError(library + " ran out of memory");
            case NO_LIBRARY -> throw new IllegalStateException(library + " is not open");
            default -> throw new IllegalStateException(library + "'s native decoder refused its arguments (" + result + ")");
        }
    }

    private static String oneLine(String text) {
        String line = text.lines().findFirst().orElse(text).strip();
        return line.length() > 100 ? line.substring(0, 97) + "..." : line;
    }
}
