package org.parathumb.core.image.pipeline;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import org.parathumb.core.image.nativecodec.NativeBlurReduce;
import org.parathumb.core.image.nativecodec.NativeLibrary;

/**
 * What a cold run on a few images does once before its first image, started on another thread
 * while the command line is still being parsed, so that the second core does it instead of the
 * critical path: loading the native library (which opens libjpeg, libspng and libdeflate), and
 * ImageIO's plugin registry with the JDK's JPEG reader and writer (which load the JDK's own JPEG
 * library), and colour management. From the command to the photo's decode, a cold {@code run} on one photo went from 88 to
 * 33 ms (README, Start-up).
 *
 * <p>Nothing here can change a result: each step is one the run does anyway, in the same JVM,
 * and each is safe from any thread (the library loads once, under its class's initialisation;
 * ImageIO's registry is shared by the workers already). Whatever fails here fails again, and is
 * reported, where the run meets it.
 *
 * <p>It cannot deadlock the initialisation of classes with the thread that parses the command
 * line. A deadlock needs each thread to wait, inside one class's initialiser, for a class the
 * other is initialising. While the command line is parsed, the two threads initialise different
 * classes: this one the native codecs', ImageIO's, AWT's and the image plugins'; the parser
 * picocli's, the command's and the option values of {@code core.image} and {@code core.batch}.
 * They share only JDK classes whose initialisers call no application code (collections'
 * iterators, {@code java.lang.invoke}, reflection), listed by the class-initialisation log of
 * the README's start-up profile, one thread each. Afterwards the run may wait for a class this
 * thread is initialising ({@code NativeLibrary}, ImageIO's registry). {@code NativeLibrary}'s
 * initialiser loads the library, whose start initialises the classes it binds ({@code NativeBlurReduce},
 * {@code NativePng} and the other codecs': constants only), {@code NativeImages}' constants, {@code pillow}'s
 * {@code ExtendedBox} and the API, none of whose initialisers reaches back to it or to a class of
 * {@code pipeline} or {@code batch} (rooms below do not depend on rooms above: {@code ArchitectureTest});
 * ImageIO's reaches the JDK's and TwelveMonkeys' plugins, which know no class of ours. So the
 * wait always ends.
 * Two workers of any run already initialise these classes from two threads at once.
 */
public final class WarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private WarmUp() {
    }

    /** Starts the warm-up on a daemon thread, once per JVM; later calls do nothing. */
    public static void start() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(WarmUp::run, "parathumb-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void run() {
        try {
            NativeLibrary.available();
            dispose(ImageIO.getImageReadersByFormatName("jpeg"));
            dispose(ImageIO.getImageWritersByFormatName("jpeg"));
            // Colour management (LittleCMS, its native library and the sRGB profile): the first JPEG
            // with an ICC profile needs it to tell whether the profile can be ignored (JpegColour),
            // while the batch reads its headers, before any image starts (12 ms on that thread).
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData(ICC_Profile.icSigRedColorantTag);
        } catch (RuntimeException | LinkageError e) {
            // The run meets the same step again, on its own thread, and says what failed there.
        }
    }

    /** Makes (so loads and initialises) each plugin, then lets it go. */
    private static void dispose(Iterator<?> plugins) {
        while (plugins.hasNext()) {
            Object plugin = plugins.next();
            if (plugin instanceof ImageReader reader) {
                reader.dispose();
            } else if (plugin instanceof ImageWriter writer) {
                writer.dispose();
            }
        }
    }
}
