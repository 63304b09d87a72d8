package org.parathumb.core.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSpec;

/** A pipeline that does what {@code real} does: a test overrides the one step it breaks. */
class DelegatingPipeline implements ThumbnailPipeline {

    private final ThumbnailPipeline real;

    DelegatingPipeline(ThumbnailPipeline real) {
        this.real = real;
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public ImageHeader readHeader(Path source) throws IOException {
        return real.readHeader(source);
    }

    @Override
    public Thumbnail render(Path source, ThumbnailSpec spec) throws IOException {
        return real.render(source, spec);
    }

    @Override
    public void write(Thumbnail thumbnail, ImageFormat format, OutputStream out) throws IOException {
        real.write(thumbnail, format, out);
    }
}
