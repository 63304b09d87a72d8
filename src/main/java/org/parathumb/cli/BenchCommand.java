package org.parathumb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.ScanRequest;
import org.parathumb.core.batch.SourceScanner;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.bench.Benchmark;
import org.parathumb.core.bench.BenchmarkCsv;
import org.parathumb.core.bench.BenchmarkJson;
import org.parathumb.core.bench.BenchmarkReport;
import org.parathumb.core.bench.BenchmarkRequest;
import org.parathumb.core.bench.ConfigurationResult;
import org.parathumb.core.bench.CountingLoop;
import org.parathumb.core.bench.Workload;
import org.parathumb.core.trace.ChromeTrace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code parathumb bench}: the sequential loop against N workers, measured honestly. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Times the original one-thread loop against the worker pool, on a folder's images.%n"
                + "Warm-up rounds first (discarded), then the configurations interleaved (seq, N, seq, N, ...).%n"
                + "Thumbnails go to a temporary folder that is deleted: the folder and its thumbs are not touched.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the benchmark ran", "1:an image failed or the benchmark was cancelled",
                "2:usage error (bad option, missing folder)"})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder of images (not needed for --workload cpu-loop).")
    Path folder;

    @ArgGroup(exclusive = true)
    WorkerChoice workers;

    static final class WorkerChoice {
        @Option(names = "--workers", paramLabel = "N", split = ",",
                description = "Worker counts to compare with the sequential loop (default: all cores).")
        List<Integer> counts;

        @Option(names = "--sweep", description = "Every worker count from 1 to the number of cores.")
        boolean sweep;
    }

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "3",
            description = "Measured rounds of every configuration (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "1",
            description = "Discarded warm-up rounds first (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--workload", paramLabel = "NAME", defaultValue = "thumbnails", converter = WorkloadConverter.class,
            description = "thumbnails (the pipeline on the images) or cpu-loop (the original's two tasks counting "
                    + "to 10^8 with result += 1: pure CPU) (default: ${DEFAULT-VALUE}).")
    Workload workload;

    @Option(names = "--loop-count", paramLabel = "N", defaultValue = "100000000",
            description = "What each cpu-loop task counts to (default: ${DEFAULT-VALUE}).")
    long loopCount;

    @Option(names = {"-r", "--recursive"}, description = "Also benchmark the images of sub-folders.")
    boolean recursive;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the results as CSV.")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results and setting as JSON;"
            + " - writes it to standard output, and the table to standard error.")
    Path json;

    @Option(names = "--trace", paramLabel = "FILE", description = "Also write a Chrome trace of each configuration's"
            + " last pass (open it in Perfetto or chrome://tracing).")
    Path trace;

    /** Added to the annotated model by {@link #model}: these options are built by hand, shared with {@code run}. */
    final ThumbnailOptions thumbnail = new ThumbnailOptions();

    /** A new {@code bench} command and its model: its annotations, and the thumbnail options. */
    static CommandSpec model() {
        BenchCommand command = new BenchCommand();
        return CommandSpec.forAnnotatedObject(command).addMixin("thumbnail", command.thumbnail.mixin());
    }

    @Override
    public Integer call() throws IOException {
        int cores = WorkerPool.availableCores();
        List<Integer> counts = workerCounts(cores);
        PrintWriter stderr = spec.commandLine().getErr();
        boolean jsonToStdout = json != null && json.toString().equals("-");
        PrintWriter stdout = jsonToStdout ? stderr : spec.commandLine().getOut();
        ImageProcessor processor = new ImageProcessor(thumbnail.pipeline(), thumbnail.spec())
                .withOutput(thumbnail.output());
        BenchmarkRequest request;
        try {
            request = workload == Workload.THUMBNAILS
                    ? BenchmarkRequest.thumbnails(scan(), counts, repeats, warmups)
                    : BenchmarkRequest.cpuLoop(counts, repeats, warmups).withLoop(loopCount, CountingLoop.ORIGINAL_TASKS);
        } catch (IllegalArgumentException e) {
            throw new ParathumbCommand.UsageException(e.getMessage(), e);
        }
        if (request.workload() == Workload.CPU_LOOP) {
            stdout.printf(Locale.ROOT, "cpu-loop: %d tasks, each counting to %,d with result += 1 (pure CPU: no memory, "
                    + "no I/O)%n", request.loopTasks(), request.loopCount());
            stdout.flush();
        }
        BenchmarkReport report = run(processor, request, stderr);
        printTable(report, stdout);
        if (csv != null) {
            write(csv, BenchmarkCsv.write(report), stdout);
        }
        if (trace != null) {
            write(trace, traceOf(report).toJson(), stdout);
        }
        if (jsonToStdout) {
            PrintWriter jsonOut = spec.commandLine().getOut();
            jsonOut.print(BenchmarkJson.write(report));
            jsonOut.flush();
        } else if (json != null) {
            write(json, BenchmarkJson.write(report), stdout);
        }
        stdout.flush();
        return ParathumbCommand.OK;
    }

    private List<Integer> workerCounts(int cores) {
        List<Integer> counts;
        if (workers != null && workers.sweep) {
            counts = BenchmarkRequest.sweep(cores);
        } else if (workers != null && workers.counts != null) {
            counts = workers.counts;
        } else {
            counts = List.of(cores);
        }
        counts.stream().max(Integer::compare).ifPresent(max -> Workers.count(max, spec.commandLine().getErr()));
        counts.forEach(Workers::check);
        return counts;
    }

    private List<ImageJob> scan() {
        if (folder == null) {
            throw new ParathumbCommand.UsageException("give a folder of images, or use --workload cpu-loop");
        }
        try {
            List<ImageJob> jobs = new SourceScanner().scan(
                    new ScanRequest(List.of(folder), Optional.empty(), recursive, thumbnail.format));
            if (jobs.isEmpty()) {
                throw new ParathumbCommand.UsageException(
                        "no images found in " + folder + " (looked for " + SourceScanner.imageExtensions() + ")");
            }
            return jobs;
        } catch (NoSuchFileException e) {
            throw new ParathumbCommand.UsageException("no such file or folder: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ParathumbCommand.UsageException(e.getMessage(), e);
        }
    }

    private static BenchmarkReport run(ImageProcessor processor, BenchmarkRequest request, PrintWriter stderr)
            throws IOException {
        try (WorkerPool pool = new WorkerPool(request.workerCounts().get(request.workerCounts().size() - 1))) {
            Benchmark benchmark = new Benchmark(processor, pool);
            CountDownLatch finished = new CountDownLatch(1);
            Thread onInterrupt = new Thread(() -> {
                benchmark.cancel();
                try {
                    finished.await(5, TimeUnit.SECONDS); // let it delete its temporary folder
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "parathumb-cancel");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                return benchmark.run(request, progress -> {
                    if (progress.unitsDone() == 0) {
                        stderr.printf(Locale.ROOT, "%s%n", progress.describe().replaceFirst(": 0/\\d+$", ""));
                        stderr.flush();
                    }
                });
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException e) {
                    // The JVM is already shutting down: the hook is running.
                }
            }
        }
    }

    static void printTable(BenchmarkReport report, PrintWriter out) {
        boolean images = report.setting().workload() == Workload.THUMBNAILS;
        out.printf(Locale.ROOT, "%-7s  %8s  %7s  %7s  %8s  %7s  %7s  %10s%n", "workers", "median_s", "min_s", "max_s",
                images ? "images/s" : "tasks/s", images ? "MP/s" : "", "speedup", "efficiency");
        for (ConfigurationResult r : report.results()) {
            out.printf(Locale.ROOT, "%-7s  %8.3f  %7.3f  %7.3f  %8.2f  %7s  %7.2f  %10.2f%n",
                    r.configuration().label(), r.wallTimes().medianSeconds(), r.wallTimes().minSeconds(),
                    r.wallTimes().maxSeconds(), r.unitsPerSecond(),
                    images ? String.format(Locale.ROOT, "%.1f", r.megapixelsPerSecond()) : "",
                    report.speedup(r), report.efficiency(r));
        }
        if (images) {
            out.printf(Locale.ROOT, "%-7s  %8s  %11s  %7s  %7s   (median ms per image, last pass)%n",
                    "stages", "decode", "blur+reduce", "resize", "encode");
            for (ConfigurationResult r : report.results()) {
                r.stageMedians().ifPresent(m -> out.printf(Locale.ROOT, "%-7s  %8.1f  %11.1f  %7.1f  %7.1f%n",
                        r.configuration().label(), m.decodeMillis(), m.blurMillis(), m.resizeMillis(), m.encodeMillis()));
            }
        }
        out.println(report.amdahl().map(f -> "amdahl " + f.describe())
                .orElse("amdahl f: n/a (needs a configuration with 2 or more workers)"));
        out.println("setting: " + report.setting().describe());
        if (report.setting().busyMachine()) {
            out.printf(Locale.ROOT, "note: other programs kept %.1f of the %d cores busy during the passes: "
                    + "expect noisy timings%n", report.setting().othersLoad(), report.setting().cores());
        }
    }

    /** One process per configuration, its last pass's images on a track per worker. */
    static ChromeTrace traceOf(BenchmarkReport report) {
        long origin = report.results().stream().flatMap(r -> r.lastPass().stream())
                .mapToLong(ImageResult::startNanos).min().orElse(0);
        ChromeTrace chromeTrace = null;
        for (ConfigurationResult r : report.results()) {
            String name = "bench " + r.configuration().label() + " (last pass)";
            if (chromeTrace == null) {
                chromeTrace = new ChromeTrace(origin, name);
            } else {
                chromeTrace.startProcess(name);
            }
            r.lastPass().forEach(chromeTrace::onResult);
        }
        return chromeTrace == null ? new ChromeTrace(origin, "bench") : chromeTrace;
    }

    private static void write(Path file, String text, PrintWriter stdout) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text);
        stdout.println("wrote " + Paths.display(file));
    }

    static final class WorkloadConverter implements ITypeConverter<Workload> {
        @Override
        public Workload convert(String value) {
            try {
                return Workload.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
