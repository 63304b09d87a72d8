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
        return survey(inputs, recursive, Optional.empty());
    }

    /**
     * As above, with the thumbnails that already exist where a run into {@code output} (empty:
     * each folder's thumbs/) would write them, read back as tiles marked existing.
     */
    LoadedImages survey(List<Path> inputs, boolean recursive, Optional<Path> output) throws IOException {
        List<ImageJob> jobs = scanner.scan(new ScanRequest(inputs, output, recursive, OutputFormat.SAME));
        if (jobs.isEmpty() && !recursive) {
            int below = scanner.scan(new ScanRequest(inputs, Optional.empty(), true, OutputFormat.SAME)).size();
            return new LoadedImages(inputs, 0, 0, below);
        }
        double megapixels = 0;
        List<Tile> existing = new java.util.ArrayList<>();
        for (ImageJob job : jobs) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("loading was cancelled");
            }
            int[] size = size(job.source());
            megapixels += (double) size[0] * size[1] / 1e6;
            if (java.nio.file.Files.isRegularFile(job.target())) {
                existing.add(Tile.onDisk(job, size[0], size[1], ImageTask.readThumbnail(job.target())));
            }
        }
        return new LoadedImages(inputs, jobs.size(), megapixels, 0, existing);
    }

    /** Width x height from the header, or 0 if the file does not say. */
    static long pixels(Path file) {
        int[] size = size(file);
        return (long) size[0] * size[1];
    }

    /** Width and height from the header, or 0 and 0 if the file does not say. */
    static int[] size(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return new int[2];
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return new int[2];
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new int[2]; // a bad file is reported by the run that fails on it, not here
        }
    }
}
