package org.parathumb.core.batch.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.parathumb.core.batch.FileReplacement;

/** {@link ManifestStore#LOCAL}: files on this machine's disks, temp-and-move replaced. */
final class LocalManifestStore implements ManifestStore {

    @Override
    public Optional<Stamp> stat(String location) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(Path.of(location), BasicFileAttributes.class);
            return attributes.isRegularFile()
                    ? Optional.of(new Stamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] read(String location) throws IOException {
        return Files.readAllBytes(Path.of(location));
    }

    @Override
    public void replace(String location, byte[] bytes) throws IOException {
        FileReplacement.replace(Path.of(location), bytes);
    }

    @Override
    public String child(String folder, String name) {
        return Path.of(folder).resolve(name).toString();
    }
}
