package org.parathumb.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.MemoryBudget;
import org.parathumb.core.batch.ProcessingOptions;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageSource;
import org.parathumb.core.image.pipeline.Pipelines;

/**
 * Runs on an executor: makes the thumbnails of one partition's files, one after the other, and
 * returns their rows of the results table. Every task of an executor shares one
 * {@link ImageProcessor} (one pipeline, one memory budget of the executor's heap), and each task
 * thread keeps the pipeline's buffers from one image to the next: nothing is set up per file.
 * Never throws for a bad file: that is a row with its reason. The driver has already left out the
 * files whose thumbnails are current; what became of each other one is also reported as an
 * {@link Outcome}, for the skip-unchanged manifests.
 */
final class PartitionWorker implements FlatMapFunction<Iterator<List<SourceFile>>, Row> {

    private static final long serialVersionUID = 1L;

    /** The executor's processors, by settings: made once per JVM, shared by its task threads. */
    private static final Map<String, ImageProcessor> PROCESSORS = new ConcurrentHashMap<>();

    /** What became of one image, for the driver's skip-unchanged manifest: made, or not (failed, cancelled). */
    record Outcome(String source, String target, boolean made) implements Serializable {
        private static final long serialVersionUID = 1L;

        Outcome {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }
    }

    private final JobOptions options;
    private final HadoopConf conf;
    private final CollectionAccumulator<Outcome> outcomes;

    /**
     * @param outcomes receives every processed image's {@link Outcome}: the driver records them in
     *        the manifests as tasks end, even when the job as a whole fails later
     */
    PartitionWorker(JobOptions options, HadoopConf conf, CollectionAccumulator<Outcome> outcomes) {
        this.options = options;
        this.conf = conf;
        this.outcomes = outcomes;
    }

    static ImageProcessor processor(JobOptions options) {
        return PROCESSORS.computeIfAbsent(options.fingerprint(), key -> new ImageProcessor(
                Pipelines.byName(options.pipeline()), options.spec(), ProcessingOptions.DEFAULT, MemoryBudget.ofHeap()));
    }

    @Override
    public Iterator<Row> call(Iterator<List<SourceFile>> bins) throws IOException {
        Path input = new Path(options.input());
        Path output = new Path(options.output());
        FileSystem in = input.getFileSystem(conf.get());
        FileSystem out = output.getFileSystem(conf.get());
        out.setWriteChecksum(false); // no .crc files beside the thumbnails on a local file system
        Path inputRoot = in.makeQualified(input);
        Path outputRoot = out.makeQualified(output);
        ImageProcessor processor = processor(options);
        String executor = executorName();
        String engine = engine(processor);
        List<Row> rows = new ArrayList<>();
        while (bins.hasNext()) {
            for (SourceFile file : bins.next()) {
                Row row = process(file, in, out, inputRoot, outputRoot, processor, executor, engine);
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        return rows.iterator();
    }

    /** The file's row, or null for a file that is neither named nor made like an image. */
    private Row process(SourceFile file, FileSystem in, FileSystem out, Path inputRoot, Path outputRoot,
            ImageProcessor processor, String executor, String engine) {
        Path source = source(inputRoot, file);
        Path target = target(outputRoot, file);
        if (!file.namedAsImage()) {
            try {
                if (!startsLikeImage(in, source)) {
                    return null;
                }
            } catch (IOException e) {
                return ResultTable.failed(source.toString(), file.size(), "cannot read: " + e.getMessage(), executor,
                        engine);
            }
        }
        ImageSource bytes = ImageSource.of(source.toString(), file.size(), () -> in.open(source));
        ImageJob job = new ImageJob(java.nio.file.Path.of("in", file.relative()),
                java.nio.file.Path.of("out", file.target()));
        ImageResult result = processor.process(job, bytes, new HadoopSink(out, target));
        outcomes.add(new Outcome(source.toString(), target.toString(), result.isDone()));
        return ResultTable.of(source.toString(), target.toString(), file.size(), result, executor, engine);
    }

    /** Where {@code file} is read from, under the (qualified) input folder. */
    static Path source(Path inputRoot, SourceFile file) {
        return new Path(inputRoot, new Path(null, null, file.relative()));
    }

    /** Where the thumbnail of {@code file} is written, under the (qualified) output folder. */
    static Path target(Path outputRoot, SourceFile file) {
        return new Path(outputRoot, new Path(null, null, file.target()));
    }

    /** The pipeline and what runs its heavy work here: "faithful: native AVX2 kernel on libjpeg". */
    static String engine(ImageProcessor processor) {
        return processor.pipeline().engine().isEmpty() ? processor.pipeline().name()
                : processor.pipeline().name() + ": " + processor.pipeline().engine();
    }

    private static boolean startsLikeImage(FileSystem fs, Path file) throws IOException {
        byte[] head = new byte[32];
        int n = 0;
        try (InputStream stream = fs.open(file)) {
            for (int r; n < head.length && (r = stream.read(head, n, head.length - n)) > 0; ) {
                n += r;
            }
        }
        return ImageFormat.sniff(head, n).isPresent();
    }

    /** This JVM in the results table: "id@host" ("driver@host" on the driver). */
    static String executorName() {
        SparkEnv env = SparkEnv.get();
        String id = env == null ? "local" : env.executorId();
        try {
            return id + "@" + InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return id;
        }
    }
}
