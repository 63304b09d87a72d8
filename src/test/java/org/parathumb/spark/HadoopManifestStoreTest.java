package org.parathumb.spark;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.parathumb.core.batch.manifest.ManifestStore;
import org.parathumb.core.batch.manifest.ManifestStoreContract;

/** Hadoop's local file system, as the Spark job reaches every file system, keeps the manifest store contract. */
class HadoopManifestStoreTest extends ManifestStoreContract {

    private final HadoopManifestStore store = new HadoopManifestStore(new Configuration());

    @Override
    protected ManifestStore store() {
        return store;
    }

    @Override
    protected String location(Path file) {
        return file.toUri().toString();
    }
}
