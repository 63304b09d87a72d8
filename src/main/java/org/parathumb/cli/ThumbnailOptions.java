package org.parathumb.cli;

import static org.parathumb.cli.OptionBinding.option;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parathumb.core.image.Fit;
import org.parathumb.core.image.KeptMetadata;
import org.parathumb.core.image.OutputFormat;
import org.parathumb.core.image.OutputOptions;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.Pipelines;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/** The options that say what each thumbnail is, shared by the commands that make thumbnails. */
final class ThumbnailOptions {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})[xX](\\d{1,5})");

    Size size;
    double blur;
    OutputFormat format;
    String pipeline;
    Fit fit;
    int quality;
    KeptMetadata keepMetadata;

    /**
     * These options as a picocli mixin bound to this object's fields. Built here, not found by
     * picocli on annotated fields: reflecting over annotations (and the proxies the JDK makes for
     * them) was most of picocli's share of a cold {@code run} (README, Start-up).
     */
    CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.create();
        mixin.addOption(option(OptionSpec.builder("--size").paramLabel("WxH").defaultValue("50x50").type(Size.class)
                .converters(new SizeConverter())
                .description("Box the thumbnail fits in, keeping the aspect ratio (default: ${DEFAULT-VALUE})."),
                () -> size, v -> size = v));
        mixin.addOption(option(OptionSpec.builder("--blur").paramLabel("R").defaultValue("2").type(double.class)
                .description("Gaussian blur radius before resizing, 0 for none (default: ${DEFAULT-VALUE})."),
                () -> blur, (Double v) -> blur = v));
        mixin.addOption(option(OptionSpec.builder("--format").paramLabel("FMT").defaultValue("same")
                .type(OutputFormat.class).converters(new FormatConverter())
                .description("Output format: same (the input's), jpg or png (default: ${DEFAULT-VALUE}). "
                        + "With same, formats Parathumb does not write become: WebP a png; HEIC/HEIF, AVIF and "
                        + "JPEG XL a jpg, or a png when the image has alpha. 'parathumb formats' lists them."),
                () -> format, v -> format = v));
        mixin.addOption(option(OptionSpec.builder("--pipeline").paramLabel("NAME").defaultValue(Pipelines.DEFAULT)
                .type(String.class).converters(new PipelineConverter())
                .description("faithful: the Python program's pixels exactly; fast: decodes JPEGs and WebPs at a reduced size"
                        + " and reduces opaque PNGs before the blur,"
                        + " within 38 dB of faithful (default: ${DEFAULT-VALUE})."),
                () -> pipeline, v -> pipeline = v));
        mixin.addOption(option(OptionSpec.builder("--fit").paramLabel("FIT").defaultValue("contain").type(Fit.class)
                .converters(new FitConverter())
                .description("contain: the whole image within WxH (the original's); cover: exactly WxH, the centre"
                        + " kept; crop: exactly WxH, the window with the most detail kept (default: ${DEFAULT-VALUE})."),
                () -> fit, v -> fit = v));
        mixin.addOption(option(OptionSpec.builder("--quality").paramLabel("Q")
                .defaultValue("" + OutputOptions.DEFAULT_QUALITY).type(int.class)
                .description("JPEG quality, 1 to 100, on Pillow's scale (default: ${DEFAULT-VALUE}, the original's)."),
                () -> quality, (Integer v) -> quality = v));
        mixin.addOption(option(OptionSpec.builder("--keep-metadata").paramLabel("WHAT").defaultValue("none")
                .type(KeptMetadata.class).converters(new MetadataConverter())
                .description("none (the original's), icc (the colour profile, pixels expressed in it) or all (the"
                        + " profile and EXIF, orientation set upright); from JPEG sources (default: ${DEFAULT-VALUE})."),
                () -> keepMetadata, v -> keepMetadata = v));
        return mixin;
    }

    /** A WxH box, as typed; {@link ThumbnailSpec} checks its bounds. */
    record Size(int width, int height) {
        /**
         * As typed, "50x50". Written out because picocli prints every value it sets (for its trace),
         * and a record's generated toString spins method-handle classes at its first call: about
         * 5 ms of a cold run.
         */
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    ThumbnailSpec spec() {
        try {
            return new ThumbnailSpec(size.width(), size.height(), blur, format);
        } catch (IllegalArgumentException e) {
            throw new ParathumbCommand.UsageException(e.getMessage());
        }
    }

    /** How thumbnails are framed and written. */
    OutputOptions output() {
        try {
            return new OutputOptions(fit, quality, keepMetadata);
        } catch (IllegalArgumentException e) {
            throw new ParathumbCommand.UsageException("--quality: " + e.getMessage());
        }
    }

    /** A new pipeline of the chosen name. */
    ThumbnailPipeline pipeline() {
        return Pipelines.byName(pipeline);
    }

    /** True unless the chosen pipeline is the default one: then output should say which it is. */
    boolean nonDefaultPipeline() {
        return !Pipelines.DEFAULT.equals(pipeline);
    }

    static final class PipelineConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String name = value.strip().toLowerCase(Locale.ROOT);
            if (!Pipelines.names().contains(name)) {
                throw new TypeConversionException("'" + value + "' is not a pipeline: use "
                        + String.join(" or ", Pipelines.names()));
            }
            return name;
        }
    }

    static final class FitConverter implements ITypeConverter<Fit> {
        @Override
        public Fit convert(String value) {
            try {
                return Fit.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class MetadataConverter implements ITypeConverter<KeptMetadata> {
        @Override
        public KeptMetadata convert(String value) {
            try {
                return KeptMetadata.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class SizeConverter implements ITypeConverter<Size> {
        @Override
        public Size convert(String value) {
            Matcher m = SIZE.matcher(value.strip());
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a size: write it as WxH, e.g. 50x50");
            }
            return new Size(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
    }

    static final class FormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "same" -> OutputFormat.SAME;
                case "jpg", "jpeg" -> OutputFormat.JPEG;
                case "png" -> OutputFormat.PNG;
                default -> throw new TypeConversionException(
                        "'" + value + "' is not an output format: use same, jpg or png");
            };
        }
    }
}
