package org.parathumb.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code parathumb} command: its sub-commands are the headless tools. */
@Command(name = "parathumb", mixinStandardHelpOptions = true, version = "parathumb 0.1.0",
        description = "Blurs and thumbnails folders of images in parallel.",
        subcommands = {CommandLine.HelpCommand.class})
public final class ParathumbCommand {

    /** Runs the command line {@code args} and returns the exit code. */
    public static int execute(String... args) {
        return new CommandLine(new ParathumbCommand()).execute(args);
    }
}
