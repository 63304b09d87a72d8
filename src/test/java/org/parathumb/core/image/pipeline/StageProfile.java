package org.parathumb.core.image.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailSpec;

/**
 * Per-stage time of the faithful pipeline on one thread, for profiling by hand (not a test):
 * renders every JPEG of a folder {@code rounds} times after one warm-up round and prints the
 * median milliseconds per image of decode, blur (with the fused reduce), resize, encode, the
 * total, and the thread's CPU time (steadier than wall time on a busy machine).
 *
 * <pre>java -cp target/classes:target/test-classes org.parathumb.core.image.StageProfile DIR [ROUNDS]</pre>
 */
final class StageProfile {

    private StageProfile() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".jpg")).sorted().toList();
        }
        FaithfulPipeline pipeline = new FaithfulPipeline();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] names = {"decode", "blur+reduce", "resize", "encode", "total", "cpu"};
        List<double[]> samples = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            for (Path file : files) {
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                Thumbnail thumbnail = pipeline.render(file, ThumbnailSpec.DEFAULT);
                long encodeStart = System.nanoTime();
                pipeline.write(thumbnail, ImageFormat.JPEG, new ByteArrayOutputStream());
                long end = System.nanoTime();
                if (round > 0) {
                    samples.add(new double[] {thumbnail.decodeNanos() / 1e6, thumbnail.blurNanos() / 1e6,
                        thumbnail.resizeNanos() / 1e6, (end - encodeStart) / 1e6, (end - start) / 1e6,
                        (threads.getCurrentThreadCpuTime() - cpu) / 1e6});
                }
            }
        }
        StringBuilder line = new StringBuilder(files.size() + " images x " + rounds + " rounds, median ms per image:");
        for (int i = 0; i < names.length; i++) {
            int column = i;
            double[] values = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
            double mean = Arrays.stream(values).average().orElse(0);
            line.append(String.format(" %s %.1f (mean %.1f);", names[i], values[values.length / 2], mean));
        }
        System.out.println(line);
    }
}
