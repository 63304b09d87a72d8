package org.parathumb.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.StageTimes;

/**
 * The results table, one row per image: its source and thumbnail (full URIs), what became of it
 * (DONE, SKIPPED as unchanged, FAILED with its one-line reason, CANCELLED when the task was
 * killed), its pixel sizes, the milliseconds of each stage and in all, and the executor that
 * made it ("id@host") with the pipeline and what runs its heavy work there ("faithful: native
 * AVX2 kernel on libjpeg", or the Java twin and why).
 */
final class ResultTable {

    static final String DONE = "DONE";
    static final String SKIPPED = "SKIPPED";
    static final String FAILED = "FAILED";

    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("source", DataTypes.StringType, false),
        DataTypes.createStructField("output", DataTypes.StringType, true),
        DataTypes.createStructField("status", DataTypes.StringType, false),
        DataTypes.createStructField("reason", DataTypes.StringType, true),
        DataTypes.createStructField("source_bytes", DataTypes.LongType, false),
        DataTypes.createStructField("source_width", DataTypes.IntegerType, false),
        DataTypes.createStructField("source_height", DataTypes.IntegerType, false),
        DataTypes.createStructField("thumbnail_width", DataTypes.IntegerType, false),
        DataTypes.createStructField("thumbnail_height", DataTypes.IntegerType, false),
        DataTypes.createStructField("decode_ms", DataTypes.DoubleType, false),
        DataTypes.createStructField("blur_ms", DataTypes.DoubleType, false),
        DataTypes.createStructField("resize_ms", DataTypes.DoubleType, false),
        DataTypes.createStructField("encode_ms", DataTypes.DoubleType, false),
        DataTypes.createStructField("total_ms", DataTypes.DoubleType, false),
        DataTypes.createStructField("executor", DataTypes.StringType, false),
        DataTypes.createStructField("engine", DataTypes.StringType, false),
    });

    private ResultTable() {
    }

    /** The row of an image that was processed (done, failed or cancelled). */
    static Row of(String source, String output, long bytes, ImageResult result, String executor, String engine) {
        StageTimes t = result.times();
        return RowFactory.create(source, result.isDone() ? output : null, result.status().name(),
                result.failure(), bytes, result.sourceWidth(), result.sourceHeight(), result.thumbnailWidth(),
                result.thumbnailHeight(), ms(t.decodeNanos()), ms(t.blurNanos()), ms(t.resizeNanos()),
                ms(t.encodeNanos()), ms(result.elapsedNanos()), executor, engine);
    }

    /** The row of an image whose thumbnail is newer than it, made with the same settings. */
    static Row skipped(String source, String output, long bytes, String executor, String engine) {
        return RowFactory.create(source, output, SKIPPED, null, bytes, 0, 0, 0, 0, 0.0, 0.0, 0.0, 0.0, 0.0,
                executor, engine);
    }

    /** The row of a file that could not even be looked at (its first bytes unreadable). */
    static Row failed(String source, long bytes, String reason, String executor, String engine) {
        return RowFactory.create(source, null, FAILED, reason, bytes, 0, 0, 0, 0, 0.0, 0.0, 0.0, 0.0, 0.0,
                executor, engine);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
