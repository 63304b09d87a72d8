package org.parathumb.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.parathumb.core.batch.manifest.ManifestStore;

/**
 * The skip-unchanged manifests on the driver, through Hadoop file systems: locations are fully
 * qualified URIs (file:, hdfs:, s3a:), times the file system's milliseconds. A file's stamp comes
 * from one listing of its folder, kept until {@link #forgetListings()}: planning a million files
 * costs one call per folder, not one per file. A manifest is replaced by writing a hidden
 * temporary file beside it and renaming it over the old one; where the file system refuses to
 * rename over a file (HDFS), the old one is deleted first, and a reader finding none for that
 * moment simply makes everything again.
 */
final class HadoopManifestStore implements ManifestStore {

    private final Configuration conf;
    private final Map<Path, Map<Path, Stamp>> listings = new HashMap<>();

    HadoopManifestStore(Configuration conf) {
        this.conf = conf;
    }

    /** Forgets the folder listings read so far: the next stamps are read afresh (after the thumbnails were written). */
    synchronized void forgetListings() {
        listings.clear();
    }

    @Override
    public synchronized Optional<Stamp> stat(String location) {
        try {
            Path given = new Path(location);
            Path file = fileSystem(given).makeQualified(given);
            Path folder = file.getParent();
            return folder == null ? Optional.empty() : Optional.ofNullable(listing(folder).get(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The stamps of the files in {@code folder}, listed once; none when it is missing or unreadable. */
    private Map<Path, Stamp> listing(Path folder) {
        return listings.computeIfAbsent(folder, f -> {
            Map<Path, Stamp> stamps = new HashMap<>();
            try {
                for (FileStatus status : fileSystem(f).listStatus(f)) {
                    if (status.isFile()) {
                        stamps.put(status.getPath(), new Stamp(status.getLen(), status.getModificationTime()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                stamps.clear(); // no folder, or unreadable: no stamps, so everything in it is made again
            }
            return stamps;
        });
    }

    @Override
    public byte[] read(String location) throws IOException {
        Path file = new Path(location);
        try (InputStream in = fileSystem(file).open(file)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void replace(String location, byte[] bytes) throws IOException {
        Path target = new Path(location);
        FileSystem fs = fileSystem(target);
        fs.setWriteChecksum(false); // no .crc beside the manifest on a local file system
        Path temp = new Path(target.getParent(), target.getName() + "-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            try (OutputStream out = fs.create(temp, false)) {
                out.write(bytes);
            }
            if (!fs.rename(temp, target)) {
                fs.delete(target, false);
                if (!fs.rename(temp, target)) {
                    throw new IOException("cannot rename the manifest into place: " + target);
                }
            }
        } finally {
            try {
                fs.delete(temp, false);
            } catch (FileNotFoundException ignored) {
                // Renamed: nothing left to clean.
            }
        }
    }

    @Override
    public String child(String folder, String name) {
        return new Path(new Path(folder), new Path(null, null, name)).toString();
    }

    private FileSystem fileSystem(Path path) throws IOException {
        return path.getFileSystem(conf);
    }
}
