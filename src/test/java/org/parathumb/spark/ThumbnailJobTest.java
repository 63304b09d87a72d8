package org.parathumb.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.cli.ParathumbCommand;
import org.parathumb.core.batch.manifest.OutputManifest;

/**
 * The Spark job in local mode, two executor threads, on the bundled images (in a sub-folder too)
 * and a broken file, against {@code parathumb run} on the same folder.
 */
class ThumbnailJobTest {

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("parathumb-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void theJobWritesRunsBytesReportsTheBrokenFileAndSkipsEverythingUnchangedOnASecondRun() throws IOException {
        Path in = inputFolder();
        Path byRun = dir.resolve("by-run");
        Path bySpark = dir.resolve("by-spark");
        StringWriter err = new StringWriter();
        int code = ParathumbCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "run", in.toString(), "--out", byRun.toString(), "--recursive", "--workers", "2");
        assertThat(code).as("run fails for the broken file only: %s", err).isEqualTo(1);

        ThumbnailJob.Summary first = ThumbnailJob.run(spark, JobOptions.of(in.toString(), bySpark.toString())
                .withCsv(true));

        Map<String, byte[]> expected = thumbnails(byRun);
        Map<String, byte[]> made = thumbnails(bySpark);
        assertThat(expected).hasSize(13);
        assertThat(made.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(made.get(name)).as(name).isEqualTo(bytes));
        assertThat(first).extracting(ThumbnailJob.Summary::done, ThumbnailJob.Summary::skipped,
                ThumbnailJob.Summary::failed).containsExactly(13L, 0L, 1L);

        List<Row> rows = results(bySpark);
        assertThat(rows).hasSize(14);
        Row broken = rows.stream().filter(r -> r.<String>getAs("source").endsWith("/broken.jpg")).findFirst()
                .orElseThrow();
        assertThat(broken.<String>getAs("status")).isEqualTo("FAILED");
        assertThat(broken.<String>getAs("output")).isNull();
        String cliReason = err.toString().lines().filter(l -> l.contains("broken.jpg: ")).findFirst().orElseThrow();
        assertThat(cliReason).endsWith("broken.jpg: " + broken.<String>getAs("reason"));
        Row landscape = rows.stream().filter(r -> r.<String>getAs("source").endsWith("/sub/sample-01-landscape.jpg"))
                .findFirst().orElseThrow();
        assertThat(landscape.<String>getAs("status")).isEqualTo("DONE");
        assertThat(landscape.<String>getAs("output")).endsWith("by-spark/sub/sample-01-landscape.jpg");
        assertThat(landscape.<Integer>getAs("thumbnail_width")).isEqualTo(50);
        assertThat(landscape.<Integer>getAs("source_width")).isGreaterThan(1000);
        assertThat(landscape.<Double>getAs("decode_ms")).isPositive();
        assertThat(landscape.<String>getAs("executor")).isNotBlank();
        assertThat(landscape.<String>getAs("engine")).startsWith("faithful");
        try (Stream<Path> csv = Files.list(bySpark.resolve("_results/csv"))) {
            assertThat(csv.filter(p -> p.toString().endsWith(".csv"))).hasSize(1);
        }

        Map<String, FileTime> times = modificationTimes(bySpark, made.keySet());
        ThumbnailJob.Summary second = ThumbnailJob.run(spark, JobOptions.of(in.toString(), bySpark.toString()));

        assertThat(second).extracting(ThumbnailJob.Summary::done, ThumbnailJob.Summary::skipped,
                ThumbnailJob.Summary::failed).containsExactly(0L, 13L, 1L);
        assertThat(modificationTimes(bySpark, made.keySet())).isEqualTo(times);
        assertThat(results(bySpark)).filteredOn(r -> r.<String>getAs("status").equals("SKIPPED")).hasSize(13);
    }

    @Test
    void aChangedSourceOrChangedSettingsAreMadeAgainAndAFileIsAnImageByItsContent() throws IOException {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.copy(Path.of("images/sample-03-gray.jpg"), in.resolve("gray.jpg"));
        Files.copy(Path.of("images/sample-06-graphic.png"), in.resolve("graphic.png"));
        Files.copy(Path.of("images/sample-01-landscape.jpg"), in.resolve("landscape-without-extension"));
        Files.writeString(in.resolve("notes.txt"), "not a picture, and not named like one");
        Path out = dir.resolve("out");
        JobOptions options = JobOptions.of(in.toString(), out.toString());
        assertThat(ThumbnailJob.run(spark, options).done()).isEqualTo(3);
        assertThat(out.resolve("landscape-without-extension.png")).isRegularFile();
        assertThat(out.resolve("notes.png")).doesNotExist();

        Files.setLastModifiedTime(in.resolve("gray.jpg"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        ThumbnailJob.Summary touched = ThumbnailJob.run(spark, options);
        assertThat(touched).extracting(ThumbnailJob.Summary::done, ThumbnailJob.Summary::skipped)
                .containsExactly(1L, 2L);

        JobOptions smaller = JobOptions.parse(in.toString(), out.toString(), "--size", "20x20");
        assertThat(ThumbnailJob.run(spark, smaller).done()).isEqualTo(3);
        assertThat(javax.imageio.ImageIO.read(out.resolve("graphic.png").toFile()).getWidth()).isEqualTo(20);
    }

    @Test
    void theManifestDecidesADamagedOneRedoesEverythingAndADeletedThumbnailIsMadeAgain() throws IOException {
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("sub"));
        Files.copy(Path.of("images/sample-03-gray.jpg"), in.resolve("gray.jpg"));
        Files.copy(Path.of("images/sample-06-graphic.png"), in.resolve("sub/graphic.png"));
        Path out = dir.resolve("out");
        JobOptions options = JobOptions.of(in.toString(), out.toString());
        assertThat(ThumbnailJob.run(spark, options).done()).isEqualTo(2);
        Path manifest = out.resolve(OutputManifest.FILE_NAME);
        assertThat(manifest).isRegularFile();
        assertThat(Files.readString(manifest)).contains("gray.jpg");
        assertThat(out.resolve("sub").resolve(OutputManifest.FILE_NAME)).isRegularFile();
        assertThat(out.resolve("sub")).isDirectoryNotContaining("glob:**.tmp").isDirectoryNotContaining("glob:**.crc");

        Files.write(manifest, new byte[] {'p', 'a', 'r', (byte) 0xff, '\t', '\n', 0, 1, 2});
        Files.writeString(out.resolve("sub").resolve(OutputManifest.FILE_NAME), "parathumb manifest 1\ngraphic.png\tx\n");
        ThumbnailJob.Summary damaged = ThumbnailJob.run(spark, options);
        assertThat(damaged).extracting(ThumbnailJob.Summary::done, ThumbnailJob.Summary::skipped,
                ThumbnailJob.Summary::failed).containsExactly(2L, 0L, 0L);
        assertThat(Files.readString(manifest)).startsWith("parathumb manifest 1\n").contains("gray.jpg");

        Files.delete(out.resolve("sub/graphic.png"));
        ThumbnailJob.Summary deleted = ThumbnailJob.run(spark, options);
        assertThat(deleted).extracting(ThumbnailJob.Summary::done, ThumbnailJob.Summary::skipped)
                .containsExactly(1L, 1L);
        assertThat(out.resolve("sub/graphic.png")).isRegularFile();
        assertThat(ThumbnailJob.run(spark, options)).extracting(ThumbnailJob.Summary::done,
                ThumbnailJob.Summary::skipped).containsExactly(0L, 2L);
    }

    /** The bundled images, a copy of the first three in a sub-folder, a broken JPEG and the README. */
    private Path inputFolder() throws IOException {
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("sub"));
        try (Stream<Path> images = Files.list(Path.of("images"))) {
            for (Path image : (Iterable<Path>) images::iterator) {
                Files.copy(image, in.resolve(image.getFileName()));
            }
        }
        for (String name : List.of("sample-01-landscape.jpg", "sample-04-alpha.png", "sample-03-gray.jpg")) {
            Files.copy(Path.of("images", name), in.resolve("sub").resolve(name));
        }
        byte[] start = Files.readAllBytes(Path.of("images/sample-02-portrait.jpg"));
        Files.write(in.resolve("broken.jpg"), java.util.Arrays.copyOf(start, 600));
        return in;
    }

    /** Every thumbnail under {@code root} by its relative path, the results table and hidden manifests left out. */
    private static Map<String, byte[]> thumbnails(Path root) throws IOException {
        Map<String, byte[]> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(file).toString();
                boolean hidden = file.getFileName().toString().startsWith(".");
                if (!relative.startsWith(ThumbnailJob.RESULTS + "/") && !hidden) {
                    found.put(relative, Files.readAllBytes(file));
                }
            }
        }
        return found;
    }

    private static Map<String, FileTime> modificationTimes(Path root, Iterable<String> names) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        for (String name : names) {
            times.put(name, Files.getLastModifiedTime(root.resolve(name)));
        }
        return times;
    }

    private static List<Row> results(Path out) {
        return spark.read().parquet(out.resolve(ThumbnailJob.RESULTS + "/parquet").toString()).collectAsList()
                .stream().collect(Collectors.toList());
    }
}
