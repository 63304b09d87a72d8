package org.parathumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.StageTimes;

class ProgressLineTest {

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();

    private ImageJob job(String name, int bytes) throws IOException {
        Path source = Files.write(dir.resolve(name), new byte[bytes]);
        return new ImageJob(source, dir.resolve("thumbs").resolve(name));
    }

    private static ImageResult done(ImageJob job) {
        return new ImageResult(job, ImageResult.Status.DONE, 10, 10, 5, 5, StageTimes.NONE, null, "w", 0, 1, "faithful");
    }

    @Test
    void theEtaExtrapolatesTheBytesStillToDoNotTheImageCount() throws IOException {
        ImageJob big = job("big.jpg", 9_000);
        ImageJob small = job("small.jpg", 1_000);
        StringWriter out = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(out), List.of(big, small), clock::get);

        clock.set(9_000_000_000L); // the big image, 90% of the bytes, took 9 s
        line.update(done(big));

        // By count, half is left: 9 s more. By bytes, a tenth: 1 s.
        assertThat(line.text(clock.get())).isEqualTo("[############------------] 1/2  0.1 images/s  ETA 0:01");
        assertThat(out.toString()).startsWith("\r[############");
    }

    @Test
    void failuresAreCountedAndClearingLeavesAnEmptyLine() throws IOException {
        ImageJob a = job("a.jpg", 10);
        StringWriter out = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(out), List.of(a), clock::get);

        line.update(new ImageResult(a, ImageResult.Status.FAILED, 0, 0, 0, 0, StageTimes.NONE, "bad", "w", 0, 1,
                "faithful"));
        line.clear();

        assertThat(line.text(clock.get())).endsWith("ETA done  1 failed");
        assertThat(out.toString()).endsWith("\r");
    }
}
