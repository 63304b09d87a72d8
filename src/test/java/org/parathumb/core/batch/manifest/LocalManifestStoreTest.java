package org.parathumb.core.batch.manifest;

import java.nio.file.Path;

/** The local disk keeps the manifest store contract. */
class LocalManifestStoreTest extends ManifestStoreContract {

    @Override
    protected ManifestStore store() {
        return ManifestStore.LOCAL;
    }

    @Override
    protected String location(Path file) {
        return file.toString();
    }
}
