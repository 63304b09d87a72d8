package org.parathumb.cli;

import static org.parathumb.cli.OptionBinding.option;
import static org.parathumb.cli.OptionBinding.positional;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.parathumb.core.batch.BatchListener;
import org.parathumb.core.batch.BatchRunner;
import org.parathumb.core.batch.BatchSummary;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.NameTemplate;
import org.parathumb.core.batch.ScanRequest;
import org.parathumb.core.batch.SourceScanner;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.batch.manifest.SkipPolicy;
import org.parathumb.core.trace.ChromeTrace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code parathumb run}: the original program's work on folders, in parallel, headless. Its model
 * is built by hand ({@link #model}), not by picocli from annotations: the reflection over them,
 * and the proxies the JDK makes for each annotation type, were most of picocli's share of a cold
 * {@code run} (README, Start-up). What the user sees (usage, errors, exit codes) is the same.
 */
final class RunCommand implements Callable<Integer> {

    private CommandSpec spec;
    private List<Path> inputs;
    private String out;
    private Integer workers;
    private boolean recursive;
    private boolean skipUnchanged;
    private boolean json;
    private Path trace;
    private boolean quiet;
    private final ThumbnailOptions thumbnail = new ThumbnailOptions();
    private final SafetyOptions safety = new SafetyOptions();

    /** A new {@code run} command and its model, as picocli runs it. */
    static CommandSpec model() {
        RunCommand command = new RunCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("run");
        command.spec = spec;
        ParathumbCommand.addStandardHelpOptions(spec);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        exitCodes.put("0", "every image was processed (or left alone, unchanged)");
        exitCodes.put("1", "some image failed");
        exitCodes.put("2", "usage error (bad option, missing folder, unwritable output)");
        exitCodes.put("130", "interrupted (Ctrl+C): the summary says how many were done; nothing is half-written");
        spec.usageMessage()
                .description("Blurs and thumbnails every image of the given folders (or files).%n"
                        + "Thumbnails go to <folder>/thumbs unless --out says otherwise; sources are never changed.")
                .exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        spec.addPositional(positional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("DIR")
                .type(List.class).auxiliaryTypes(Path.class).description("Folders or image files to process."),
                () -> command.inputs, (List<Path> v) -> command.inputs = v));
        spec.addOption(option(OptionSpec.builder("--out").paramLabel("DIR|TEMPLATE").type(String.class)
                .description("Output folder (default: <folder>/thumbs), or a path template such as"
                        + " '{dir}/thumbs/{stem}_thumb.{ext}': {dir} the scanned folder, {name} the source's file name,"
                        + " {stem} without extension, {ext} the thumbnail's, {srcext} the source's."),
                () -> command.out, v -> command.out = v));
        spec.addOption(option(OptionSpec.builder("--workers").paramLabel("N").type(Integer.class)
                .description("Worker threads, 1 to " + Workers.MAX + " (default: all cores; more than the cores is"
                        + " allowed, with a note)."),
                () -> command.workers, v -> command.workers = v));
        spec.addOption(flag(OptionSpec.builder("-r", "--recursive")
                .description("Also process sub-folders, mirrored under the output."),
                () -> command.recursive, v -> command.recursive = v));
        spec.addOption(flag(OptionSpec.builder("--skip-unchanged")
                .description("Leave alone each thumbnail made from the same source with the same settings (kept in a"
                        + " hidden manifest in each output folder); any change of source or setting makes it again."),
                () -> command.skipUnchanged, v -> command.skipUnchanged = v));
        spec.addOption(flag(OptionSpec.builder("--json")
                .description("JSON Lines on standard output: one object per image as it finishes (source, output,"
                        + " status, reason, sizes, ms per stage, worker), then a summary object; human text goes to"
                        + " standard error."),
                () -> command.json, v -> command.json = v));
        spec.addOption(option(OptionSpec.builder("--trace").paramLabel("FILE").type(Path.class)
                .description("Also write a Chrome trace (open it in Perfetto or chrome://tracing): a track per worker,"
                        + " an event per image and per stage, queue and memory counters."),
                () -> command.trace, v -> command.trace = v));
        spec.addOption(flag(OptionSpec.builder("-q", "--quiet").description("Print only failures and the summary."),
                () -> command.quiet, v -> command.quiet = v));
        spec.addMixin("thumbnail", command.thumbnail.mixin());
        spec.addMixin("safety", command.safety.mixin());
        return spec;
    }

    private static OptionSpec flag(OptionSpec.Builder builder, Supplier<Boolean> getter, Consumer<Boolean> setter) {
        return option(builder.type(boolean.class), getter, setter);
    }

    @Override
    public Integer call() throws InterruptedException {
        int n = Workers.count(workers, spec.commandLine().getErr());
        ImageProcessor processor = new ImageProcessor(thumbnail.pipeline(), thumbnail.spec(), safety.options(),
                safety.budget()).withOutput(thumbnail.output());
        List<ImageJob> jobs = scan(scanRequest());
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (jobs.isEmpty()) {
            stderr.println("parathumb: no images found in " + inputs + " (looked for files named "
                    + SourceScanner.imageExtensions() + ")");
            return ParathumbCommand.SOME_FAILED;
        }
        SkipPolicy skip = skipUnchanged ? new SkipPolicy(SkipPolicy.fingerprint(processor)) : null;
        List<ImageJob> unchanged = List.of();
        if (skip != null) {
            SkipPolicy.Plan plan = skip.plan(jobs);
            jobs = plan.toDo();
            unchanged = plan.unchanged();
        }
        BatchRunner runner = new BatchRunner(processor);
        RunOutput output = new RunOutput(stdout, stderr, json, quiet);
        if (!json && !quiet && onTerminal()) {
            output.withProgress(new ProgressLine(stdout, jobs, System::nanoTime));
        }
        output.unchanged(unchanged);
        try (InterruptGuard guard = InterruptGuard.install(runner::cancel)) {
            BatchSummary summary;
            ChromeTrace chromeTrace = null;
            try (WorkerPool pool = new WorkerPool(n)) {
                BatchListener listener = skip == null ? output : output.andThen(skip.recorder());
                if (trace != null) {
                    chromeTrace = new ChromeTrace(System.nanoTime(), "parathumb run")
                            .withCounters(pool::queuedCount, processor.memoryBudget());
                    listener = listener.andThen(chromeTrace);
                }
                summary = runner.run(jobs, pool, n, listener);
            } finally {
                if (skip != null) {
                    saveManifests(skip, stderr);
                }
                if (chromeTrace != null) {
                    writeTrace(chromeTrace, output.human(), stderr);
                }
            }
            boolean interrupted = guard.interrupted() || runner.isCancelled();
            output.summary(summary, unchanged.size(), interrupted,
                    thumbnail.nonDefaultPipeline() ? ", " + thumbnail.pipeline + " pipeline" : "");
            if (interrupted) {
                return InterruptGuard.INTERRUPTED;
            }
            return summary.succeeded() == summary.total() ? ParathumbCommand.OK : ParathumbCommand.SOME_FAILED;
        }
    }

    /**
     * Whether standard output is a terminal. Java has no isatty: {@code System.console()} is
     * non-null on JDK 17 exactly when standard input and output are both terminals (JDK 22 and
     * later may return a console otherwise; then check {@code Console.isTerminal()}). So
     * {@code run DIR < /dev/null} prints per-image lines, as a pipe or a file does.
     */
    private static boolean onTerminal() {
        return System.console() != null;
    }

    private void writeTrace(ChromeTrace chromeTrace, PrintWriter human, PrintWriter stderr) {
        try {
            chromeTrace.write(trace);
            human.println("wrote " + Paths.display(trace));
        } catch (IOException e) {
            stderr.println("parathumb: could not write the trace " + Paths.display(trace) + ": "
                    + e.getMessage());
        }
    }

    private static void saveManifests(SkipPolicy skip, PrintWriter stderr) {
        try {
            skip.save();
        } catch (IOException e) {
            stderr.println("parathumb: could not save the skip-unchanged manifest (the next run redoes more): "
                    + e.getMessage());
        }
    }

    private ScanRequest scanRequest() {
        try {
            if (out != null && NameTemplate.isTemplate(out)) {
                return new ScanRequest(inputs, Optional.empty(), recursive, thumbnail.format,
                        Optional.of(NameTemplate.parse(out)));
            }
            return new ScanRequest(inputs, Optional.ofNullable(out).map(Path::of), recursive, thumbnail.format);
        } catch (IllegalArgumentException e) {
            throw new ParathumbCommand.UsageException("--out: " + e.getMessage(), e);
        }
    }

    private static List<ImageJob> scan(ScanRequest request) {
        try {
            List<ImageJob> jobs = new SourceScanner().scan(request);
            SourceScanner.prepareOutputFolders(jobs);
            return jobs;
        } catch (IOException e) {
            String message = e.getMessage();
            throw new ParathumbCommand.UsageException(
                    e instanceof java.nio.file.NoSuchFileException ? "no such file or folder: " + message : message, e);
        }
    }

}
