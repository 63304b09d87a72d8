package org.parathumb.core.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.ImageSource;
import org.parathumb.core.image.LocalImage;
import org.parathumb.core.image.Orientation;
import org.parathumb.core.image.OutputFormat;
import org.parathumb.core.image.OutputOptions;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.Framing;
import org.parathumb.core.image.pipeline.ThumbnailWriter;

/**
 * Runs one {@link ImageJob}: read the header (format from the content, size, orientation), refuse
 * it beyond the pixel limit, wait for its working set in the {@link MemoryBudget}, render, turn
 * the small thumbnail upright, encode into a hidden temporary file beside the target, then move
 * it into place in one step, so a thumbnail is either whole or absent, even after a cancel, a
 * full disk or a crash. It never throws for a bad image: every outcome is an {@link ImageResult}
 * with a one-line reason. A RuntimeException is a bug of Parathumb's, never a reason about the
 * file: it is logged with its stack and reported as an internal error. Safe to call from many
 * threads at once. The same steps run on any {@link ImageSource} into any {@link ThumbnailSink}
 * (a Hadoop file system's, in the Spark job).
 */
public final class ImageProcessor {

    /** A sample of a PNG, GIF, BMP, TIFF or WebP costs about 4 of a JPEG's (30 vs 65 ms, see estimatedWork). */
    private static final long OTHER_FORMAT_WEIGHT = 4;

    /** With alpha, about 3 times more again (150 to 200 ms for a 2 MP RGBA PNG). */
    private static final long ALPHA_WEIGHT = 3;

    /** Opens the stream a thumbnail is encoded into: the seam where a full disk shows. */
    @FunctionalInterface
    interface OutputOpener {
        OutputStream open(Path temp) throws IOException;
    }

    /**
     * The log, made when first written to: a run that goes well writes nothing to it, and making
     * it initialises java.util.logging (its configuration, the security properties), about 5 ms
     * of a cold run.
     */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(ImageProcessor.class.getName());
    }

    private final ThumbnailPipeline pipeline;
    private final ThumbnailSpec spec;
    private final ProcessingOptions options;
    private final MemoryBudget budget;
    private final OutputOpener opener;
    private final OutputOptions output;
    private final StageListener stages;

    /** Default options (orientation applied, Pillow's pixel limit) and a budget of this heap. */
    public ImageProcessor(ThumbnailPipeline pipeline, ThumbnailSpec spec) {
        this(pipeline, spec, ProcessingOptions.DEFAULT, MemoryBudget.ofHeap());
    }

    public ImageProcessor(ThumbnailPipeline pipeline, ThumbnailSpec spec, ProcessingOptions options,
            MemoryBudget budget) {
        this(pipeline, spec, options, budget, Files::newOutputStream);
    }

    ImageProcessor(ThumbnailPipeline pipeline, ThumbnailSpec spec, ProcessingOptions options, MemoryBudget budget,
            OutputOpener opener) {
        this(pipeline, spec, options, budget, opener, OutputOptions.DEFAULT, StageListener.NONE);
    }

    private ImageProcessor(ThumbnailPipeline pipeline, ThumbnailSpec spec, ProcessingOptions options,
            MemoryBudget budget, OutputOpener opener, OutputOptions output, StageListener stages) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.options = Objects.requireNonNull(options, "options");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.output = Objects.requireNonNull(output, "output");
        this.stages = Objects.requireNonNull(stages, "stages");
    }

    /** This processor, framing and writing thumbnails as {@code newOutput} says. */
    public ImageProcessor withOutput(OutputOptions newOutput) {
        return new ImageProcessor(pipeline, spec, options, budget, opener, newOutput, stages);
    }

    /** This processor, telling {@code listener} as each image enters each {@link StageListener.Stage stage}. */
    public ImageProcessor withStageListener(StageListener listener) {
        return new ImageProcessor(pipeline, spec, options, budget, opener, output, listener);
    }

    /** This processor, its jobs waiting on {@code newBudget}. */
    public ImageProcessor withMemoryBudget(MemoryBudget newBudget) {
        return new ImageProcessor(pipeline, spec, options, newBudget, opener, output, stages);
    }

    public OutputOptions output() {
        return output;
    }

    public ProcessingOptions options() {
        return options;
    }

    /** The budget jobs wait on: its waiting count is what the window shows as "waiting for memory". */
    public MemoryBudget memoryBudget() {
        return budget;
    }

    public ThumbnailSpec spec() {
        return spec;
    }

    public ThumbnailPipeline pipeline() {
        return pipeline;
    }

    /**
     * Every setting that decides a thumbnail's bytes, besides its source and its path, as one
     * line ("size=50x50 blur=2.0 ..."): what skip-unchanged compares between runs.
     */
    public String settings() {
        return String.format(Locale.ROOT,
                "size=%dx%d blur=%s format=%s pipeline=%s orientation=%s fit=%s quality=%d metadata=%s",
                spec.maxWidth(), spec.maxHeight(), spec.blurRadius(), spec.format(), pipeline.name(),
                options.applyOrientation(), output.fit().id(), output.quality(), output.metadata().id());
    }

    /**
     * Roughly how much work {@code job} is, in JPEG-sample equivalents: its decoded samples
     * (width x height x channels), weighed by what a sample costs on its way through the
     * pipeline; 0 when its header is unknown (not read, or unreadable: such a job fails at
     * once). Reads nothing. The weights are measured ratios on the bundled images, good enough to
     * order jobs: other formats decode several times slower per sample than JPEG (ImageIO's Java
     * decoders, zlib), and an image with alpha takes Pillow's full-size path (premultiply, blur
     * every sample, bicubic of the whole image) instead of the streamed reduce.
     */
    public long estimatedWork(ImageJob job) {
        ImageHeader header = job.header();
        if (header == null) {
            return 0;
        }
        long samples = (long) header.width() * header.height() * header.layout().channels();
        long weight = (header.format() == ImageFormat.JPEG ? 1 : OTHER_FORMAT_WEIGHT)
                * (header.layout().hasAlpha() ? ALPHA_WEIGHT : 1);
        return samples * weight;
    }

    /**
     * The jobs with their headers read (about 0.2 ms a file), in the same order, the reads spread
     * over {@code readers} tasks on {@code executor} while the calling thread reads too (so it
     * may be one of the executor's own threads). A job whose header already is known is not read
     * again; one whose header cannot be read stays without (processing it reports why). Once
     * {@code stop} says so, the jobs left are returned unread.
     */
    public List<ImageJob> withHeaders(List<ImageJob> jobs, Executor executor, int readers, BooleanSupplier stop) {
        List<Integer> unread = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i).header() == null) {
                unread.add(i);
            }
        }
        if (unread.isEmpty()) {
            return jobs;
        }
        ImageJob[] read = jobs.toArray(new ImageJob[0]);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch left = new CountDownLatch(unread.size());
        Runnable reader = () -> {
            for (int i = next.getAndIncrement(); i < unread.size(); i = next.getAndIncrement()) {
                int at = unread.get(i);
                try {
                    if (!stop.getAsBoolean()) {
                        read[at] = read[at].withHeader(pipeline.readHeader(read[at].source()));
                    }
                } catch (IOException | RuntimeException | OutOfMemoryError e) {
                    // Unreadable: the job keeps no header, and processing it says why.
                } catch (Error bug) {
                    // Not the file's fault: ours. The job keeps no header; processing reads it again
                    // and reports what it meets as an internal error of that job, not of the batch.
                    Log.LOG.log(System.Logger.Level.WARNING, "internal error while reading the header of "
                            + read[at].source() + "; its job reads it again", bug);
                } finally {
                    left.countDown();
                }
            }
        };
        for (int helper = 1; helper < Math.min(readers, unread.size()); helper++) {
            executor.execute(reader);
        }
        reader.run();
        boolean interrupted = false;
        while (true) {
            try {
                left.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return Arrays.asList(read);
    }

    /**
     * The jobs by decreasing {@linkplain #estimatedWork estimated work}, equal ones in their
     * order: started in that order, the last jobs are the shortest, and workers run out of work
     * at nearly the same moment. Reads no header: give it jobs {@linkplain #withHeaders with
     * their headers} (a job without one counts as no work and goes last).
     */
    public List<ImageJob> largestFirst(List<ImageJob> jobs) {
        if (jobs.size() < 2) {
            return jobs;
        }
        // Positions, not a map keyed by job: hashing a record would spin its ObjectMethods
        // bootstrap (25 ms on the thread that starts the batch, before any image begins).
        long[] work = new long[jobs.size()];
        Integer[] positions = new Integer[jobs.size()];
        for (int i = 0; i < work.length; i++) {
            work[i] = estimatedWork(jobs.get(i));
            positions[i] = i;
        }
        Arrays.sort(positions, (a, b) -> Long.compare(work[b], work[a])); // stable: equal ones keep their order
        List<ImageJob> ordered = new ArrayList<>(jobs.size());
        for (Integer position : positions) {
            ordered.add(jobs.get(position));
        }
        return ordered;
    }

    /** Processes {@code job} on the calling thread; an interrupt cancels it. */
    public ImageResult process(ImageJob job) {
        return process(job, ImageSource.of(job.source()), new LocalFileSink(opener));
    }

    /**
     * Processes an image read from {@code source} into {@code sink}, on the calling thread; an
     * interrupt cancels it. {@code job} names the result (its source and target as the caller
     * shows them), and its target's name picks the output format, as for local files. A source
     * that is not a local file is decoded from a temporary local copy ({@link LocalImage}), as
     * the decoders read local files.
     */
    public ImageResult process(ImageJob job, ImageSource source, ThumbnailSink sink) {
        String worker = Thread.currentThread().getName();
        long start = System.nanoTime();
        if (Thread.currentThread().isInterrupted()) {
            return ImageResult.cancelled(job, worker, start, start, pipeline.name());
        }
        boolean committed = false;
        Thumbnail thumbnail = null;
        try (LocalImage local = LocalImage.of(source)) {
            // A header read before the job (withHeaders) is not read again: its read time is then 0.
            if (job.header() == null) {
                stages.onStage(job, StageListener.Stage.HEADER);
            }
            ImageHeader header = job.header() != null ? job.header() : pipeline.readHeader(local.path());
            long readNanos = System.nanoTime() - start;
            checkPixelLimit(header);
            Orientation orientation = options.applyOrientation() ? header.orientation() : Orientation.NORMAL;
            ThumbnailSpec box = orientation.swapsAxes() ? spec.withSize(spec.maxHeight(), spec.maxWidth()) : spec;
            box = Framing.renderBox(box, output.fit(), header.width(), header.height());
            stages.onStage(job, StageListener.Stage.WAITING_FOR_MEMORY);
            try (MemoryBudget.Lease lease = budget.acquire(WorkingSet.bytes(header, spec))) {
                stages.onStage(job, StageListener.Stage.RENDER);
                thumbnail = upright(renderWithinBudget(local.path(), box), orientation);
            } finally {
                keepOrDropBuffers(header);
            }
            thumbnail = Framing.frame(thumbnail, output.fit(), spec.maxWidth(), spec.maxHeight());
            CancelledException.checkInterrupt();
            ImageFormat format = outputFormat(job, thumbnail);
            job = retargeted(job, format, thumbnail.sourceFormat());
            stages.onStage(job, StageListener.Stage.ENCODE);
            long encodeStart = System.nanoTime();
            ByteArrayOutputStream encoded = new ByteArrayOutputStream(16 * 1024);
            ThumbnailWriter.write(pipeline, thumbnail, format, output, local.path(),
                    orientation != Orientation.NORMAL, encoded);
            stages.onStage(job, StageListener.Stage.WRITE);
            long writeStart = System.nanoTime();
            try (OutputStream out = sink.open(job.target())) {
                encoded.writeTo(out);
            }
            CancelledException.checkInterrupt();
            sink.commit();
            committed = true;
            long end = System.nanoTime();
            StageTimes times = new StageTimes(readNanos, thumbnail.decodeNanos(), thumbnail.blurNanos(),
                    thumbnail.resizeNanos(), writeStart - encodeStart, end - writeStart);
            return ImageResult.done(job, thumbnail.sourceWidth(), thumbnail.sourceHeight(),
                    thumbnail.width(), thumbnail.height(), times, worker, start, end, pipeline.name());
        } catch (CancelledException | ClosedByInterruptException | InterruptedException e) {
            Thread.currentThread().interrupt();
            return ImageResult.cancelled(job, worker, start, System.nanoTime(), pipeline.name());
        } catch (IOException | UncheckedIOException | OutOfMemoryError e) {
            if (Thread.currentThread().isInterrupted()) {
                return ImageResult.cancelled(job, worker, start, System.nanoTime(), pipeline.name());
            }
            return ImageResult.failed(job, reason(e), timesSoFar(thumbnail), worker, start, System.nanoTime(),
                    pipeline.name());
        } catch (RuntimeException | Error bug) {
            // Every problem with a file arrives as an IOException (or OutOfMemoryError): anything else is ours.
            Log.LOG.log(System.Logger.Level.ERROR, "internal error while processing " + job.source()
                    + " with the " + pipeline.name() + " pipeline", bug);
            return ImageResult.internalError(job, internalErrorReason(bug), timesSoFar(thumbnail), worker, start,
                    System.nanoTime(), pipeline.name());
        } finally {
            if (!committed) {
                sink.discard();
            }
        }
    }

    /** A local target: a hidden temporary file beside it, then one atomic move into place. */
    private static final class LocalFileSink implements ThumbnailSink {
        private final OutputOpener opener;
        private Path target;
        private Path temp;

        LocalFileSink(OutputOpener opener) {
            this.opener = opener;
        }

        @Override
        public OutputStream open(Path finalTarget) throws IOException {
            target = finalTarget;
            temp = TemporaryFiles.createIn(finalTarget.getParent());
            return opener.open(temp);
        }

        @Override
        public void commit() throws IOException {
            FileReplacement.moveIntoPlace(temp, target);
            temp = null;
        }

        @Override
        public void discard() {
            deleteQuietly(temp);
            temp = null;
        }
    }

    private static StageTimes timesSoFar(Thumbnail thumbnail) {
        return thumbnail == null ? StageTimes.NONE
                : new StageTimes(thumbnail.decodeNanos(), thumbnail.blurNanos(), thumbnail.resizeNanos(), 0);
    }

    /** What a user reads for a bug of ours: that it is one, and where its stack went. */
    static String internalErrorReason(Throwable bug) {
        return "internal error (" + bug.getClass().getSimpleName()
                + "): a bug in Parathumb, not a problem with this file; its stack is in the log";
    }

    /**
     * Renders while holding the job's budget. A failed allocation there is retried once after a
     * full collection: the memory is granted, but the heap may still hold big buffers of earlier
     * jobs that G1 only reclaims after marking, or a collection may have been held off while
     * native decoders had arrays pinned. The budget decides on that collection, once for all the
     * jobs that failed together. Only a second failure is reported.
     */
    private Thumbnail renderWithinBudget(Path source, ThumbnailSpec box) throws IOException {
        long seen = budget.collectionsSoFar();
        try {
            return pipeline.render(source, box);
        } catch (OutOfMemoryError e) {
            pipeline.releaseThreadBuffers();
            budget.collectAfterOutOfMemory(seen);
            return pipeline.render(source, box);
        }
    }

    private void checkPixelLimit(ImageHeader header) throws ImageFailure {
        if (header.pixels() > options.pixelLimit()) {
            throw new ImageFailure(ImageFailure.Kind.TOO_LARGE, String.format(Locale.ROOT,
                    "too large (%dx%d is %,d pixels; the limit is %,d)",
                    header.width(), header.height(), header.pixels(), options.pixelLimit()));
        }
    }

    /** The thumbnail turned upright, with the source's upright size. */
    private static Thumbnail upright(Thumbnail thumbnail, Orientation orientation) {
        if (orientation == Orientation.NORMAL) {
            return thumbnail;
        }
        boolean swap = orientation.swapsAxes();
        return new Thumbnail(orientation.apply(thumbnail.image()), thumbnail.sourceFormat(),
                swap ? thumbnail.sourceHeight() : thumbnail.sourceWidth(),
                swap ? thumbnail.sourceWidth() : thumbnail.sourceHeight(),
                thumbnail.decodeNanos(), thumbnail.blurNanos(), thumbnail.resizeNanos());
    }

    /**
     * A thread keeps its buffers for the next image only while the budget allows it: what they
     * hold, and at least twice this image's decoded pixels (the decoders' own buffers, which the
     * pipeline does not count); otherwise the pipeline drops them, so idle workers never hold what
     * a waiting job needs.
     */
    private void keepOrDropBuffers(ImageHeader header) {
        long kept = Math.max(2 * WorkingSet.reusableBytes(header), pipeline.threadBufferBytes());
        if (kept == 0 || !budget.retain(kept)) {
            pipeline.releaseThreadBuffers();
            budget.forgetRetained();
        }
    }

    /**
     * The format to write: the one the target's name promises (so a PNG saved as "x.jpg" gets a
     * thumbnail whose bytes match its name), else what the spec and the content say.
     */
    private ImageFormat outputFormat(ImageJob job, Thumbnail thumbnail) {
        ImageFormat content = thumbnail.sourceFormat();
        boolean alpha = PixelLayout.of(thumbnail.image()).map(PixelLayout::hasAlpha).orElse(false);
        if (spec.format() == OutputFormat.SAME && !content.isWritable()) {
            return content.thumbnailFormat(alpha); // a HEIF with alpha becomes a PNG, not a .jpg on white
        }
        return ImageFormat.fromFileName(job.target()).filter(ImageFormat::isWritable)
                .orElseGet(() -> spec.format().resolve(content, alpha));
    }

    /**
     * The job with its target named for {@code format}, when the scan named it for a HEIF, AVIF or
     * JPEG XL photo (a .jpg, chosen before the content was known) and the image has alpha after
     * all: it becomes the .png the scan reserved too. Any other target keeps its name.
     */
    private ImageJob retargeted(ImageJob job, ImageFormat format, ImageFormat content) {
        Optional<ImageFormat> named = ImageFormat.fromFileName(job.target());
        if (spec.format() != OutputFormat.SAME || content.isWritable() || named.isEmpty()
                || named.get() != content.thumbnailFormat(false) || named.get() == format) {
            return job;
        }
        String name = job.target().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return new ImageJob(job.source(), job.target().resolveSibling(name.substring(0, dot + 1) + format.extension()));
    }

    private static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("no space left")) {
                return true;
            }
        }
        return false;
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Best effort: the file is hidden and named as temporary, never taken for a thumbnail.
        }
    }

    /** A one-line reason a user can act on. */
    static String reason(Throwable e) {
        if (e instanceof ImageFailure) {
            return e.getMessage();
        }
        if (isDiskFull(e)) {
            return "cannot write the thumbnail: the disk is full";
        }
        if (e instanceof NoSuchFileException) {
            return "file not found (moved or deleted?)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof OutOfMemoryError) {
            return "not enough memory for this image";
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return reason(u.getCause());
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
