package org.parathumb.core.image.read;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.PixelLayout;

/**
 * Turns what a reader threw or warned into one line a user can read: truncated (and how far the
 * decode got), or corrupt (and what the reader said), never a stack trace about the user's file.
 */
final class FailureWording {

    private FailureWording() {
    }

    /**
     * Turns a reader's exception into a reason a user can read. A RuntimeException raised by
     * Parathumb's own code is a bug, not a verdict on the file: it is rethrown as it is.
     */
    static ImageFailure classify(Throwable e, List<String> warnings, float percentDone, boolean atEnd) {
        if (e instanceof ImageFailure failure) {
            return failure;
        }
        if (e instanceof OutOfMemoryError error) {
            throw error;
        }
        if (e instanceof RuntimeException bug && raisedByParathumb(bug)) {
            throw bug;
        }
        boolean endOfFile = atEnd;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof EOFException || m.contains("eof") || m.contains("end of file")
                    || m.contains("unexpected end") || m.contains("premature end") || m.contains("truncated")) {
                endOfFile = true;
            }
        }
        for (String warning : warnings) {
            String w = warning.toLowerCase(Locale.ROOT);
            if (w.contains("missing eoi") || w.contains("truncated")) {
                endOfFile = true;
            }
        }
        if (endOfFile) {
            String done = percentDone >= 0 ? "decoded " + (int) Math.min(99, percentDone) + "% of rows" : "the file ends before the image does";
            return new ImageFailure(ImageFailure.Kind.TRUNCATED, "truncated (" + done + ")", e);
        }
        if (e instanceof IIOException || e instanceof IOException) {
            return new ImageFailure(ImageFailure.Kind.CORRUPT, "corrupt image data (" + oneLine(e.getMessage()) + ")", e);
        }
        return new ImageFailure(ImageFailure.Kind.CORRUPT,
                "corrupt image data (the reader failed: " + e.getClass().getSimpleName() + ")", e);
    }

    /** libjpeg's warnings that a file was cut short, or that its data is damaged. */
    static void checkWarnings(List<String> warnings, BufferedImage image) throws ImageFailure {
        boolean missingEnd = false;
        boolean prematureEnd = false;
        String corrupt = null;
        for (String warning : warnings) {
            String w = warning.toLowerCase(Locale.ROOT);
            if (w.contains("missing eoi")) {
                missingEnd = true;
            } else if (w.contains("premature end")) {
                prematureEnd = true;
            } else if (w.contains("corrupt") && !w.contains("extraneous bytes")) {
                corrupt = warning;
            }
        }
        if (prematureEnd && missingEnd) {
            int rows = decodedRows(image);
            if (rows < image.getHeight()) {
                throw new ImageFailure(ImageFailure.Kind.TRUNCATED,
                        "truncated (decoded " + percent(rows, image.getHeight()) + "% of rows)");
            }
            throw new ImageFailure(ImageFailure.Kind.TRUNCATED, "truncated (the file ends before the image does)");
        }
        if (prematureEnd) {
            throw new ImageFailure(ImageFailure.Kind.CORRUPT, "corrupt image data (a marker inside the compressed data)");
        }
        if (corrupt != null) {
            throw new ImageFailure(ImageFailure.Kind.CORRUPT, "corrupt image data (" + oneLine(corrupt) + ")");
        }
    }

    /**
     * Rows libjpeg decoded before the data ran out: it fills the rest with mid-grey (all
     * coefficients zero), so the decoded rows are those above the last run of pure 128 rows.
     */
    private static int decodedRows(BufferedImage image) {
        if (PixelLayout.of(image).isEmpty()) {
            return image.getHeight();
        }
        byte[] samples = PixelLayout.samples(image);
        int rowLength = image.getWidth() * PixelLayout.of(image).orElseThrow().channels();
        int y = image.getHeight();
        while (y > 0) {
            int from = (y - 1) * rowLength;
            boolean grey = true;
            for (int i = from; i < from + rowLength; i++) {
                if (samples[i] != (byte) 128) {
                    grey = false;
                    break;
                }
            }
            if (!grey) {
                break;
            }
            y--;
        }
        return y;
    }

    static int percent(long part, long whole) {
        return whole <= 0 ? 0 : (int) Math.min(99, part * 100 / whole);
    }

    /** The first line of {@code message}, at most 100 characters. */
    /**
     * Whether {@code e} was thrown by Parathumb's own code (the first frame outside the JDK's core
     * packages is ours): a bug to surface, not the reader's verdict on the file.
     */
    private static boolean raisedByParathumb(RuntimeException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String name = frame.getClassName();
            if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
                return name.startsWith("org.parathumb.");
            }
        }
        return false;
    }

    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "no detail";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        return line.length() > 100 ? line.substring(0, 97) + "..." : line;
    }
}
