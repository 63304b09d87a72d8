package org.parathumb.core.batch;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.OutputFormat;

/**
 * Turns folders and files into one {@link ImageJob} per image: every file named like an image
 * (JPEG, PNG, GIF, BMP, TIFF, WebP, extension in any case; the decoder then checks the content,
 * and reports what is not an image). Output folders are never scanned,
 * hidden files and folders are skipped, symbolic-link cycles are not followed twice, and no two
 * jobs, nor any job and a source, share a target. Jobs come sorted by source path.
 */
public final class SourceScanner {

    /** Whether {@code file}'s name says it is an image Parathumb reads, extension in any case. */
    public static boolean looksLikeImage(Path file) {
        return ImageFormat.fromFileName(file).isPresent();
    }

    /** The extensions a scan picks up, for messages: "jpg, jpeg, ..., webp". */
    public static String imageExtensions() {
        return java.util.Arrays.stream(ImageFormat.values())
                .flatMap(f -> f.extensions().stream()).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Scans the request's inputs; a missing input is an error, an empty folder is not. */
    public List<ImageJob> scan(ScanRequest request) throws IOException {
        List<Path[]> found = new ArrayList<>(); // {source, output root, path relative to its root}
        Set<Path> outputRoots = new HashSet<>();
        for (Path input : request.inputs()) {
            Path absolute = input.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                Path root = outputRoot(request, absolute);
                outputRoots.add(root);
                for (Path source : imagesIn(absolute, request.recursive(), outputRootsFor(request, absolute))) {
                    found.add(new Path[] {source, root, absolute.relativize(source)});
                }
            } else if (Files.exists(absolute) || Files.isSymbolicLink(absolute)) {
                Path root = outputRoot(request, absolute.getParent());
                outputRoots.add(root);
                found.add(new Path[] {absolute, root, absolute.getFileName()});
            } else {
                throw new NoSuchFileException(input.toString(), null, "no such file or folder");
            }
        }
        // An output root is excluded from sources, unless the user named it (or a folder below
        // it) as an input: "--out" pointing at the source folder must not hide the sources.
        List<Path> inputs = request.inputs().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        outputRoots.removeIf(root -> inputs.stream().anyMatch(in -> in.startsWith(root)));
        Set<Path> sources = new HashSet<>();
        found.removeIf(f -> !sources.add(f[0]) || outputRoots.stream().anyMatch(f[0]::startsWith));
        found.sort((a, b) -> a[0].compareTo(b[0]));
        Set<Path> claimed = new HashSet<>();
        List<ImageJob> jobs = new ArrayList<>(found.size());
        for (Path[] f : found) {
            Path target = f[1].resolve(targetName(f[2], request));
            if (request.template().isPresent()) {
                Path relative = f[2];
                String name = request.template().get().fileNameFor(relative.getFileName().toString(),
                        outputFormat(relative, request));
                target = f[1].resolve(relative.getParent() == null ? Path.of(name) : relative.getParent().resolve(name));
            }
            target = unclaimed(target, sources, claimed);
            jobs.add(new ImageJob(f[0], target));
            if (mayTurnPng(f[2], request)) {
                // A HEIF, AVIF or JPEG XL named .jpg here is written as .png if it has alpha: hold that name too.
                String name = target.getFileName().toString();
                claimed.add(target.resolveSibling(stem(name) + "." + ImageFormat.PNG.extension()));
            }
        }
        return jobs;
    }

    /**
     * Creates the jobs' output folders and proves each writable, before any work starts, so a
     * read-only or impossible output is reported once instead of once per image. Also removes
     * the temporary files a crashed run left there, never those of a run still writing there.
     */
    public static void prepareOutputFolders(List<ImageJob> jobs) throws IOException {
        Set<Path> folders = new LinkedHashSet<>();
        jobs.forEach(job -> folders.add(job.target().getParent()));
        for (Path folder : folders) {
            try {
                Files.createDirectories(folder);
                Files.delete(TemporaryFiles.createIn(folder));
            } catch (IOException e) {
                throw new IOException("cannot write thumbnails to " + folder + ": " + ImageProcessor.reason(e), e);
            }
            TemporaryFiles.removeStale(folder);
        }
    }

    private static Path outputRoot(ScanRequest request, Path folder) {
        if (request.template().isPresent()) {
            return request.template().get().folderFor(folder);
        }
        return request.outputFolder()
                .map(p -> p.toAbsolutePath().normalize())
                .orElse(folder.resolve(ScanRequest.DEFAULT_OUTPUT_NAME));
    }

    private static Set<Path> outputRootsFor(ScanRequest request, Path folder) {
        Set<Path> roots = new HashSet<>();
        roots.add(folder.resolve(ScanRequest.DEFAULT_OUTPUT_NAME));
        request.outputFolder().ifPresent(p -> roots.add(p.toAbsolutePath().normalize()));
        request.template().ifPresent(t -> roots.add(t.folderFor(folder)));
        return roots;
    }

    private static List<Path> imagesIn(Path folder, boolean recursive, Set<Path> skip) throws IOException {
        List<Path> images = new ArrayList<>();
        int depth = recursive ? Integer.MAX_VALUE : 1;
        Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(folder) && (isHidden(dir) || skip.contains(dir))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                // Not only regular files: a pipe or a broken link named like an image becomes a
                // job too, so that it is reported ("not a regular file") rather than ignored.
                if (!attrs.isDirectory() && !isHidden(file) && looksLikeImage(file)) {
                    images.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException || !file.equals(folder)) {
                    return FileVisitResult.CONTINUE; // a link cycle, or an unreadable entry: skip it
                }
                throw e;
            }
        });
        return images;
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static ImageFormat outputFormat(Path relative, ScanRequest request) {
        return ImageFormat.fromFileName(relative).map(request.format()::resolve).orElse(ImageFormat.PNG);
    }

    private static Path targetName(Path relative, ScanRequest request) {
        String fileName = targetFileName(relative.getFileName().toString(), request.format());
        Path parent = relative.getParent();
        return parent == null ? Path.of(fileName) : parent.resolve(fileName);
    }

    private static boolean mayTurnPng(Path relative, ScanRequest request) {
        return ImageFormat.fromFileName(relative)
                .filter(f -> request.format() == OutputFormat.SAME && f.thumbnailFormat(true) != f.thumbnailFormat(false))
                .isPresent();
    }

    /**
     * The file name of the thumbnail of a source named {@code name}: the same name when the
     * thumbnail keeps its format, else the stem with the written format's extension.
     */
    public static String targetFileName(String name, OutputFormat requested) {
        Optional<ImageFormat> named = ImageFormat.fromFileName(Path.of(name));
        ImageFormat format = named.map(requested::resolve).orElse(ImageFormat.PNG);
        boolean keepName = named.filter(f -> f == format).isPresent();
        return keepName ? name : stem(name) + "." + format.extension();
    }

    private static Path unclaimed(Path target, Set<Path> sources, Set<Path> claimed) {
        Path candidate = target;
        String name = target.getFileName().toString();
        for (int n = 1; sources.contains(candidate) || !claimed.add(candidate); n++) {
            String suffix = n == 1 ? "-thumb" : "-thumb-" + n;
            int dot = name.lastIndexOf('.');
            candidate = target.resolveSibling(stem(name) + suffix + (dot > 0 ? name.substring(dot) : ""));
        }
        return candidate;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
