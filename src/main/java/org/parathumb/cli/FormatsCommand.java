package org.parathumb.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parathumb.core.image.FormatSupport;
import org.parathumb.core.image.OutputFormat;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.pipeline.Pipelines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code parathumb formats}: which formats this installation reads, with what, and what their thumbnails become. */
@Command(name = "formats", mixinStandardHelpOptions = true,
        description = "Lists the formats this installation reads, the library or reader for each (or the package "
                + "to install), and the format of their thumbnails with --format same; then what each pipeline "
                + "runs in this JVM (native kernel and codecs, or Java and why).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every format can be read", "1:some format needs a library that is missing"})
final class FormatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean all = true;
        for (FormatSupport support : Pipelines.formats()) {
            String name = support.format().name().toLowerCase(Locale.ROOT);
            String thumbnail = OutputFormat.SAME.resolve(support.format(), false).extension()
                    + (OutputFormat.SAME.resolve(support.format(), true) != OutputFormat.SAME.resolve(support.format(), false)
                    ? " (png with alpha)" : "");
            out.printf(Locale.ROOT, "%-5s %-4s %-18s thumbnails: %-21s %s%n", name, support.readable() ? "yes" : "NO",
                    String.join(",", support.format().extensions()), thumbnail, support.reader());
            all &= support.readable();
        }
        out.println();
        for (String name : Pipelines.names()) {
            ThumbnailPipeline pipeline = Pipelines.byName(name);
            out.printf(Locale.ROOT, "%-9s pipeline: %s%n", name, pipeline.engine().isEmpty() ? "Java" : pipeline.engine());
        }
        out.flush();
        return all ? ParathumbCommand.OK : ParathumbCommand.SOME_FAILED;
    }
}
