package org.parathumb.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.manifest.SkipPolicy;

/**
 * Parathumb's pipeline as a Spark job: {@code ThumbnailJob IN OUT [options]} thumbnails every
 * image under IN (any Hadoop file system: hdfs://, s3a://, file://) into OUT, mirroring the tree
 * as {@code parathumb run --recursive} does and with its very bytes, and writes the results table
 * under OUT/_results (Parquet, and CSV with {@code --csv}).
 *
 * <p>The driver lists the input and packs the files into partitions of about equal bytes
 * ({@link SizeBalancer}); each executor thread then works through its partitions with the one
 * pipeline of its executor ({@link PartitionWorker}). A bad file is a row with its reason, never a
 * failed job. Re-running skips every thumbnail that is current by the skip-unchanged manifests
 * the command line keeps ({@link SkipPolicy}: a hidden file per output folder noting each
 * thumbnail's source size and time, its own size and time, and the settings' fingerprint), planned
 * on the driver; the tasks report what they made and the driver saves the manifests atomically at
 * the end, also when the job failed, so a failed job is resumed by running it again.
 */
public final class ThumbnailJob {

    /** The folder of the results table, under the output. */
    public static final String RESULTS = "_results";

    private ThumbnailJob() {
    }

    /** What a run did, counted from its results table. */
    public record Summary(long done, long skipped, long failed, long cancelled, double seconds) {
        public Summary {
            if (done < 0 || skipped < 0 || failed < 0 || cancelled < 0 || seconds < 0) {
                throw new IllegalArgumentException("counts and times are never negative");
            }
        }

        public long total() {
            return done + skipped + failed + cancelled;
        }
    }

    /** Entry point for spark-submit; exits 0 when every image has its thumbnail, 1 otherwise, 2 on usage errors. */
    public static void main(String[] args) {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("parathumb-spark: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("parathumb " + options.input()).getOrCreate();
        int code;
        try {
            Summary summary = run(spark, options);
            System.out.println(describe(summary, options));
            code = summary.failed() + summary.cancelled() == 0 ? 0 : 1;
        } catch (IOException e) {
            System.err.println("parathumb-spark: " + e.getMessage());
            code = 2;
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    static String describe(Summary s, JobOptions options) {
        return String.format(Locale.ROOT, "%d images: %d made, %d unchanged (skipped), %d failed%s; %.1f s, %.2f"
                + " images/s; results in %s/%s", s.total(), s.done(), s.skipped(), s.failed(),
                s.cancelled() > 0 ? ", " + s.cancelled() + " cancelled" : "", s.seconds(),
                s.seconds() > 0 ? s.done() / s.seconds() : 0.0, options.output(), RESULTS);
    }

    /** Runs the job on {@code spark}; throws only when the input cannot be listed or the output not written. */
    public static Summary run(SparkSession spark, JobOptions options) throws IOException {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(options, "options");
        long start = System.nanoTime();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Path input = new Path(options.input());
        Path output = new Path(options.output());
        FileSystem in = input.getFileSystem(hadoop);
        FileSystem out = output.getFileSystem(hadoop);
        Path outputRoot = out.makeQualified(output);
        Path inputRoot = in.makeQualified(input);
        List<SourceFile> files = InputListing.list(in, inputRoot, outputRoot, options.spec().format());

        ImageProcessor processor = PartitionWorker.processor(options);
        HadoopManifestStore store = new HadoopManifestStore(hadoop);
        SkipPolicy skip = new SkipPolicy(SkipPolicy.fingerprint(processor), store);
        List<SourceFile> toDo = new ArrayList<>();
        List<Row> unchanged = new ArrayList<>();
        String driver = PartitionWorker.executorName();
        String engine = PartitionWorker.engine(processor);
        for (SourceFile file : files) {
            String source = PartitionWorker.source(inputRoot, file).toString();
            String target = PartitionWorker.target(outputRoot, file).toString();
            if (skip.isCurrent(source, target)) {
                unchanged.add(ResultTable.skipped(source, target, file.size(), driver, engine));
            } else {
                toDo.add(file);
            }
        }

        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = options.partitions() > 0 ? options.partitions() : 4 * context.defaultParallelism();
        List<List<SourceFile>> bins = SizeBalancer.pack(toDo, SourceFile::size, partitions);
        CollectionAccumulator<PartitionWorker.Outcome> outcomes =
                spark.sparkContext().collectionAccumulator("parathumb outcomes");
        JavaRDD<List<SourceFile>> work = context.parallelize(bins, Math.max(1, bins.size()));
        JavaRDD<Row> rows = work.mapPartitions(new PartitionWorker(options, new HadoopConf(hadoop), outcomes))
                .union(context.parallelize(unchanged, Math.max(1, Math.min(partitions, unchanged.size()))));
        Dataset<Row> table = spark.createDataFrame(rows, ResultTable.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            table.write().mode(SaveMode.Overwrite).parquet(new Path(outputRoot, RESULTS + "/parquet").toString());
            if (options.csv()) {
                table.coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true")
                        .csv(new Path(outputRoot, RESULTS + "/csv").toString());
            }
            long done = 0;
            long skipped = 0;
            long failed = 0;
            long cancelled = 0;
            for (Row count : table.groupBy("status").count().collectAsList()) {
                long n = count.getLong(1);
                switch (count.getString(0)) {
                    case ResultTable.DONE -> done = n;
                    case ResultTable.SKIPPED -> skipped = n;
                    case ResultTable.FAILED -> failed = n;
                    default -> cancelled += n;
                }
            }
            return new Summary(done, skipped, failed, cancelled, (System.nanoTime() - start) / 1e9);
        } finally {
            table.unpersist();
            saveManifests(skip, store, outcomes.value());
        }
    }

    /**
     * Records what the tasks that ended made (or failed to make), even when the job failed, and
     * writes each touched output folder's manifest: re-running resumes where this run stopped.
     */
    private static void saveManifests(SkipPolicy skip, HadoopManifestStore store,
            List<PartitionWorker.Outcome> outcomes) {
        store.forgetListings(); // the thumbnails' stamps as they are now, after writing
        for (PartitionWorker.Outcome outcome : outcomes) {
            skip.record(outcome.source(), outcome.target(), outcome.made());
        }
        try {
            skip.save();
        } catch (IOException e) {
            System.err.println("parathumb-spark: could not save the skip-unchanged manifest (the next run redoes"
                    + " more): " + e.getMessage());
        }
    }
}
