package org.parathumb.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.parathumb.core.batch.SourceScanner;
import org.parathumb.core.image.OutputFormat;

/**
 * Lists the input folder recursively through the Hadoop {@link FileSystem} API, on the driver,
 * and names each file's thumbnail as {@code parathumb run --recursive} does: the same relative
 * path, the extension of the written format, and "-thumb" added where two thumbnails would take
 * one name. Hidden files and folders are skipped, and so is the output folder when it lies inside
 * the input. Every other file is listed; the executors read the first bytes of those whose names
 * are not an image's, and keep the ones that are images all the same.
 */
final class InputListing {

    private InputListing() {
    }

    /** The files under {@code input}; {@code output} is fully qualified (scheme and authority). */
    static List<SourceFile> list(FileSystem fs, org.apache.hadoop.fs.Path input, org.apache.hadoop.fs.Path output,
            OutputFormat format) throws IOException {
        FileStatus root = fs.getFileStatus(input);
        if (!root.isDirectory()) {
            throw new IOException("not a folder: " + input);
        }
        String inputPrefix = root.getPath().toUri().getPath();
        String outputPath = output.toUri().getPath().replaceAll("/+$", "");
        boolean sameFileSystem = Objects.equals(output.toUri().getScheme(), root.getPath().toUri().getScheme())
                && Objects.equals(output.toUri().getAuthority(), root.getPath().toUri().getAuthority());
        List<String[]> found = new ArrayList<>(); // {relative, size, modified}
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(root.getPath(), true);
        while (files.hasNext()) {
            LocatedFileStatus file = files.next();
            String path = file.getPath().toUri().getPath();
            if (sameFileSystem && (path.equals(outputPath) || path.startsWith(outputPath + "/"))) {
                continue;
            }
            String relative = relative(inputPrefix, path);
            if (relative == null || isHidden(relative)) {
                continue;
            }
            found.add(new String[] {relative, Long.toString(file.getLen()), Long.toString(file.getModificationTime())});
        }
        found.sort(Comparator.comparing(f -> f[0]));
        boolean sameFolder = sameFileSystem && outputPath.equals(inputPrefix);
        Set<String> sources = new HashSet<>();
        if (sameFolder) {
            found.forEach(f -> sources.add(f[0]));
        }
        // Files named as images claim their names first, so that their thumbnails are called what
        // `run` calls them whatever other files lie beside them.
        Set<String> claimed = new HashSet<>();
        List<SourceFile> listed = new ArrayList<>(found.size());
        for (boolean named : new boolean[] {true, false}) {
            for (String[] f : found) {
                if (SourceScanner.looksLikeImage(Path.of(f[0])) != named) {
                    continue;
                }
                String target = unclaimed(targetName(f[0], format), sources, claimed);
                listed.add(new SourceFile(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), target, named));
            }
        }
        return listed;
    }

    private static String relative(String prefix, String path) {
        String base = prefix.endsWith("/") ? prefix : prefix + "/";
        return path.startsWith(base) && path.length() > base.length() ? path.substring(base.length()) : null;
    }

    private static boolean isHidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String targetName(String relative, OutputFormat format) {
        int slash = relative.lastIndexOf('/');
        return relative.substring(0, slash + 1) + SourceScanner.targetFileName(relative.substring(slash + 1), format);
    }

    private static String unclaimed(String target, Set<String> sources, Set<String> claimed) {
        String candidate = target;
        int slash = target.lastIndexOf('/');
        String folder = target.substring(0, slash + 1);
        String name = target.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; sources.contains(candidate) || !claimed.add(candidate); n++) {
            candidate = folder + stem + (n == 1 ? "-thumb" : "-thumb-" + n) + extension;
        }
        return candidate;
    }
}
