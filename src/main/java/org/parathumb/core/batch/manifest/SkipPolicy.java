package org.parathumb.core.batch.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.parathumb.core.batch.BatchListener;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.image.ImageFormat;

/**
 * Skip-unchanged, for the command line and the window alike: {@link #plan} splits jobs into those
 * to make and those whose thumbnail is current ({@link OutputManifest#isCurrent}); the
 * {@linkplain #recorder() recorder} notes every result as the batch runs; {@link #save} writes
 * each touched folder's manifest atomically. Any doubt means "make it again". Thread-safe.
 *
 * <pre>{@code
 * SkipPolicy skip = new SkipPolicy(SkipPolicy.fingerprint(processor));
 * SkipPolicy.Plan plan = skip.plan(jobs);
 * runner.run(plan.toDo(), pool, n, listener.andThen(skip.recorder()));
 * skip.save();
 * }</pre>
 */
public final class SkipPolicy {

    /** The jobs to run, and those left alone because their thumbnail is current. */
    public record Plan(List<ImageJob> toDo, List<ImageJob> unchanged) {
        public Plan {
            toDo = List.copyOf(toDo);
            unchanged = List.copyOf(unchanged);
        }
    }

    private final String fingerprint;
    private final ManifestStore store;
    private final Map<String, OutputManifest> manifests = new LinkedHashMap<>();

    /** A policy for thumbnails on the local disk. */
    public SkipPolicy(String fingerprint) {
        this(fingerprint, ManifestStore.LOCAL);
    }

    /** A policy whose manifests, sources and thumbnails live in {@code store}. */
    public SkipPolicy(String fingerprint, ManifestStore store) {
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalArgumentException("a skip policy needs the settings' fingerprint");
        }
        this.fingerprint = fingerprint;
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The fingerprint of everything that decides a thumbnail's bytes besides its source and its
     * path: {@linkplain ImageProcessor#settings() the processor's settings}, hashed.
     */
    public static String fingerprint(ImageProcessor processor) {
        return hash(processor.settings());
    }

    static String hash(String settings) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(settings.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** Splits {@code jobs}, in their order, into those to make and those already current. */
    public synchronized Plan plan(List<ImageJob> jobs) {
        List<ImageJob> toDo = new ArrayList<>();
        List<ImageJob> unchanged = new ArrayList<>();
        for (ImageJob job : jobs) {
            Optional<String> current = currentTarget(OutputManifest.local(job.source()),
                    OutputManifest.local(job.target()));
            if (current.isEmpty()) {
                toDo.add(job);
            } else {
                unchanged.add(current.get().equals(OutputManifest.local(job.target())) ? job
                        : job.withTarget(job.target().resolveSibling(OutputManifest.name(current.get()))));
            }
        }
        return new Plan(toDo, unchanged);
    }

    /**
     * Whether the thumbnail at {@code target} (a location of this policy's store) is current for
     * {@code source}: {@link #plan} for one file named as its store names it.
     */
    public synchronized boolean isCurrent(String source, String target) {
        return currentTarget(source, target).isPresent();
    }

    /** {@code target}, or the .png written in its place ({@link #alphaTarget}), whichever is current. */
    private Optional<String> currentTarget(String source, String target) {
        if (manifestOf(target).isCurrent(source, target, fingerprint)) {
            return Optional.of(target);
        }
        return alphaTarget(source, target).filter(png -> manifestOf(png).isCurrent(source, png, fingerprint));
    }

    /**
     * Where the thumbnail of {@code source} was written instead of {@code target} if the image had
     * alpha: a HEIF, AVIF or JPEG XL source's target is named .jpg before its content is known, and
     * an image with alpha is written as the .png beside it, which the scan reserves for it.
     */
    static Optional<String> alphaTarget(String source, String target) {
        Optional<ImageFormat> named;
        try {
            named = ImageFormat.fromFileName(Path.of(OutputManifest.name(source)));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return named.filter(format -> format.thumbnailFormat(true) != format.thumbnailFormat(false))
                .filter(format -> target.endsWith("." + format.thumbnailFormat(false).extension()))
                .map(format -> target.substring(0, target.length() - format.thumbnailFormat(false).extension().length())
                        + format.thumbnailFormat(true).extension());
    }

    /** Notes one result: a thumbnail made is recorded, any other outcome forgets the target. */
    public void record(ImageResult result) {
        Objects.requireNonNull(result, "result");
        record(OutputManifest.local(result.job().source()), OutputManifest.local(result.job().target()),
                result.isDone());
    }

    /**
     * Notes what became of {@code target} (a location of this policy's store): made from
     * {@code source} just now, or not made (failed, cancelled), so it is made again next time.
     */
    public synchronized void record(String source, String target, boolean made) {
        OutputManifest manifest = manifestOf(target);
        if (made) {
            manifest.record(source, target, fingerprint);
        } else {
            manifest.forget(target);
        }
    }

    /** A listener that {@linkplain #record records} every result. */
    public BatchListener recorder() {
        return this::record;
    }

    /** Writes every manifest this policy read or changed, each atomically. */
    public synchronized void save() throws IOException {
        IOException first = null;
        for (OutputManifest manifest : manifests.values()) {
            try {
                manifest.save();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private OutputManifest manifestOf(String target) {
        return manifests.computeIfAbsent(OutputManifest.parent(target), folder -> OutputManifest.load(store, folder));
    }
}
