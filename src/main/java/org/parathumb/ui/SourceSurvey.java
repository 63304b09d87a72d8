package org.parathumb.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ScanRequest;
import org.parathumb.core.batch.SourceScanner;
import org.parathumb.core.image.OutputFormat;

/**
 * Finds the images of some folders and files, as a run would, and adds up their megapixels from
 * the file headers, without decoding any pixels. Blocking: call it off the FX thread.
 */
final class SourceSurvey {

    private final SourceScanner scanner = new SourceScanner();

    LoadedImages survey(List<Path> inputs) throws IOException {
        return survey(inputs, false);
    }

    /**
     * As above, into sub-folders too when {@code recursive}. When not, and nothing is found, the
     * sub-folders are counted anyway, so the window can say where the images are.
     */
    LoadedImages survey(List<Path> inputs, boolean recursive) throws IOException {
        List<ImageJob> jobs = scanner.scan(new ScanRequest(inputs, Optional.empty(), recursive, OutputFormat.SAME));
        if (jobs.isEmpty() && !recursive) {
            int below = scanner.scan(new ScanRequest(inputs, Optional.empty(), true, OutputFormat.SAME)).size();
            return new LoadedImages(inputs, 0, 0, below);
        }
        double megapixels = 0;
        for (ImageJob job : jobs) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("loading was cancelled");
            }
            megapixels += pixels(job.source()) / 1e6;
        }
        return new LoadedImages(inputs, jobs.size(), megapixels, 0);
    }

    /** Width x height from the header, or 0 if the file does not say. */
    static long pixels(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return 0;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return 0;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return 0; // a bad file is reported by the run that fails on it, not here
        }
    }
}
