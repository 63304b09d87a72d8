package org.parathumb.cli;

import java.io.PrintWriter;
import java.util.List;
import org.parathumb.core.image.pipeline.WarmUp;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The top-level {@code parathumb} command: its sub-commands are the headless tools. They are added
 * when the command line is built, so that {@code parathumb run DIR} builds the model of {@code run}
 * alone: picocli reflects over every option of every command it is given, and that is the largest
 * share of a cold run's start that is ours. For the same reason this command's model and
 * {@code run}'s are built by hand ({@link #model}, {@link RunCommand#model}), without annotations.
 */
public final class ParathumbCommand {

    /** Exit code of a run where every image succeeded. */
    public static final int OK = 0;
    /** Exit code of a run where at least one image failed or was cancelled. */
    public static final int SOME_FAILED = 1;
    /** Exit code of a usage error: a bad option, a missing folder, an unwritable output. */
    public static final int USAGE = 2;

    /** What {@code parathumb --version} prints. */
    static final String VERSION = "parathumb 0.1.0";

    /** The sub-commands by the name each gives itself in {@code @Command}, in the order help lists them. */
    private static final List<String> SUBCOMMANDS = List.of("run", "bench", "generate", "formats", "help");

    /** True when {@code arg} is the name of a sub-command, such as {@code run}. */
    public static boolean isSubcommand(String arg) {
        return SUBCOMMANDS.contains(arg);
    }

    /**
     * A new sub-command. A switch, not a map of constructor references: JDK 25's AOT cache cannot
     * hold picocli's Java 5 classes, and a method reference to one of them ({@code HelpCommand::new})
     * crashed the JVM that writes the cache.
     */
    private static Object subcommand(String name) {
        return switch (name) {
            case "run" -> RunCommand.model();
            case "bench" -> BenchCommand.model();
            case "generate" -> new GenerateCommand();
            case "formats" -> new FormatsCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** Runs the command line {@code args} and returns the exit code. */
    public static int execute(String... args) {
        if (asksOnlyForVersion(args)) {
            System.out.println(VERSION);
            return OK;
        }
        warmUpFor(args);
        return commandLine(args).execute(args);
    }

    /** Runs {@code args} with the given streams, for tests and embedding. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        if (asksOnlyForVersion(args)) {
            out.println(VERSION);
            out.flush();
            return OK;
        }
        warmUpFor(args);
        CommandLine commandLine = commandLine(args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    /**
     * For {@code run}, starts the pipeline's one-time work (native library, ImageIO's registry) on
     * another thread while picocli builds its model and parses: the second core does it off the
     * critical path of a run on a few images ({@link WarmUp}).
     */
    private static void warmUpFor(String... args) {
        if (args.length > 0 && "run".equals(args[0])) {
            WarmUp.start();
        }
    }

    /**
     * True for {@code --version} or {@code -V} alone: the answer needs no command line. Building one
     * reflects over every command and option and loads picocli's classes, whose Java 5 bytecode the
     * JVM verifies slowly and cannot keep in a class-data-sharing archive: two thirds of the cold
     * {@code --version}.
     */
    private static boolean asksOnlyForVersion(String... args) {
        return args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]));
    }

    /** This command's model, sub-commands aside: its name, help and version options, and description. */
    static CommandSpec model() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(new ParathumbCommand()).name("parathumb").version(VERSION);
        addStandardHelpOptions(spec);
        spec.usageMessage().description("Blurs and thumbnails folders of images in parallel.%n"
                + "With no command, opens the window.");
        return spec;
    }

    /**
     * Adds {@code -h, --help} and {@code -V, --version} to {@code spec}, as picocli's
     * {@code mixinStandardHelpOptions} does, with the same words; that mixin is an annotated class,
     * which picocli reflects over (and the JDK makes proxies of its annotations) at every start.
     */
    static void addStandardHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).initialValue(false)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class).initialValue(false)
                .description("Print version information and exit.").build());
    }

    /**
     * The command line for {@code args}: with only the sub-command they name, or with all of them
     * when they name none ({@code --help}, {@code help run}, a typo that picocli corrects).
     */
    static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(model());
        String first = args.length > 0 ? args[0] : "";
        boolean all = !SUBCOMMANDS.contains(first) || "help".equals(first);
        for (String name : SUBCOMMANDS) {
            if (all || name.equals(first)) {
                commandLine.addSubcommand(name, subcommand(name));
            }
        }
        // Set after the sub-commands are added: picocli passes these settings down only to those present.
        commandLine.setExitCodeExceptionMapper(e ->
                e instanceof UsageException || e instanceof CommandLine.ParameterException ? USAGE : SOME_FAILED);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("parathumb: " + e.getMessage());
            return cmd.getExitCodeExceptionMapper().getExitCode(e);
        });
        return commandLine;
    }

    /** A problem the user fixes by changing the command line; exits with {@link #USAGE}. */
    static final class UsageException extends RuntimeException {
        UsageException(String message, Throwable cause) {
            super(message, cause);
        }

        UsageException(String message) {
            super(message);
        }
    }
}
