package org.parathumb.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The top-level {@code parathumb} command: its sub-commands are the headless tools. */
@Command(name = "parathumb", mixinStandardHelpOptions = true, version = ParathumbCommand.VERSION,
        description = "Blurs and thumbnails folders of images in parallel.%n"
                + "With no command, opens the window.",
        subcommands = {RunCommand.class, BenchCommand.class, GenerateCommand.class, FormatsCommand.class,
                CommandLine.HelpCommand.class})
public final class ParathumbCommand {

    /** Exit code of a run where every image succeeded. */
    public static final int OK = 0;
    /** Exit code of a run where at least one image failed or was cancelled. */
    public static final int SOME_FAILED = 1;
    /** Exit code of a usage error: a bad option, a missing folder, an unwritable output. */
    public static final int USAGE = 2;

    /** What {@code parathumb --version} prints. */
    static final String VERSION = "parathumb 0.1.0";

    /** Runs the command line {@code args} and returns the exit code. */
    public static int execute(String... args) {
        if (asksOnlyForVersion(args)) {
            System.out.println(VERSION);
            return OK;
        }
        return commandLine().execute(args);
    }

    /** Runs {@code args} with the given streams, for tests and embedding. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        if (asksOnlyForVersion(args)) {
            out.println(VERSION);
            out.flush();
            return OK;
        }
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
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

    private static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ParathumbCommand());
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
