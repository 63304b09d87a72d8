package org.parathumb.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parathumb.core.batch.ProcessingOptions;
import org.parathumb.core.image.OutputFormat;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.Pipelines;

/**
 * What one Spark run does: the input and output folders (any Hadoop file system URI), the
 * thumbnail options of {@code parathumb run} (size, blur, pipeline, format), whether the results
 * table is also written as CSV, and how many partitions the files are spread over (0: four per
 * core of the cluster).
 */
public record JobOptions(String input, String output, int width, int height, double blur, OutputFormat format,
        String pipeline, boolean csv, int partitions) implements Serializable {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})[xX](\\d{1,5})");

    static final String USAGE = "usage: ThumbnailJob IN OUT [--size WxH] [--blur R] [--pipeline "
            + String.join("|", Pipelines.names()) + "] [--format same|jpg|png] [--csv] [--partitions N]";

    public JobOptions {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        new ThumbnailSpec(width, height, blur, format); // checks them
        if (input.isBlank() || output.isBlank()) {
            throw new IllegalArgumentException("the input and the output folder are both needed");
        }
        if (!Pipelines.names().contains(pipeline)) {
            throw new IllegalArgumentException("'" + pipeline + "' is not a pipeline: use "
                    + String.join(" or ", Pipelines.names()));
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be 0 (automatic) or more, got " + partitions);
        }
    }

    /** The job's options with {@code spec}'s size, blur and format. */
    public JobOptions(String input, String output, ThumbnailSpec spec, String pipeline, boolean csv, int partitions) {
        this(input, output, spec.maxWidth(), spec.maxHeight(), spec.blurRadius(), spec.format(), pipeline, csv,
                partitions);
    }

    /** The defaults of {@code parathumb run}: 50x50, radius 2, the input's format, the faithful pipeline. */
    public static JobOptions of(String input, String output) {
        return new JobOptions(input, output, ThumbnailSpec.DEFAULT, Pipelines.DEFAULT, false, 0);
    }

    public JobOptions withCsv(boolean writeCsv) {
        return new JobOptions(input, output, spec(), pipeline, writeCsv, partitions);
    }

    /** What each thumbnail is. */
    public ThumbnailSpec spec() {
        return new ThumbnailSpec(width, height, blur, format);
    }

    /** Parses {@code IN OUT [options]}; throws {@link IllegalArgumentException} with a message for users. */
    public static JobOptions parse(String... args) {
        List<String> positional = new ArrayList<>();
        ThumbnailSpec spec = ThumbnailSpec.DEFAULT;
        String pipeline = Pipelines.DEFAULT;
        boolean csv = false;
        int partitions = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--csv" -> csv = true;
                case "--size" -> {
                    Matcher m = SIZE.matcher(value(args, ++i, arg));
                    if (!m.matches()) {
                        throw new IllegalArgumentException("'" + args[i] + "' is not a size: write it as WxH, e.g. 50x50");
                    }
                    spec = spec.withSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                }
                case "--blur" -> spec = spec.withBlurRadius(number(value(args, ++i, arg), arg));
                case "--pipeline" -> pipeline = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                case "--format" -> spec = spec.withFormat(format(value(args, ++i, arg)));
                case "--partitions" -> partitions = (int) number(value(args, ++i, arg), arg);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                    }
                    positional.add(arg);
                }
            }
        }
        if (positional.size() != 2) {
            throw new IllegalArgumentException(USAGE);
        }
        return new JobOptions(positional.get(0), positional.get(1), spec, pipeline, csv, partitions);
    }

    /**
     * The settings a thumbnail depends on, as one line: a re-run skips an existing thumbnail only
     * when the line it was made under is the same.
     */
    public String fingerprint() {
        ProcessingOptions processing = ProcessingOptions.DEFAULT;
        ThumbnailSpec spec = spec();
        return String.format(Locale.ROOT, "parathumb-spark 1; size=%dx%d; blur=%s; format=%s; pipeline=%s;"
                + " orientation=%s; pixel-limit=%d", spec.maxWidth(), spec.maxHeight(), spec.blurRadius(),
                spec.format(), pipeline, processing.applyOrientation(), processing.pixelLimit());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static double number(String value, String option) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not a number");
        }
    }

    private static OutputFormat format(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "same" -> OutputFormat.SAME;
            case "jpg", "jpeg" -> OutputFormat.JPEG;
            case "png" -> OutputFormat.PNG;
            default -> throw new IllegalArgumentException("'" + value + "' is not an output format: use same, jpg or png");
        };
    }
}
