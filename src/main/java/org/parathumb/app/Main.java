package org.parathumb.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import org.parathumb.cli.ParathumbCommand;
import org.parathumb.ui.ParathumbApp;

/**
 * Decides between a headless command and the window. It is deliberately not a JavaFX
 * {@code Application}, so the commands never start the FX toolkit. Before either, it makes sure
 * file names are read as UTF-8 ({@link Utf8Relaunch}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Utf8Relaunch.ifNeeded(args).ifPresent(System::exit);
        if (opensWindow(args)) {
            ParathumbApp.launchWindow(args.length > 0 && "window".equals(args[0])
                    ? Arrays.copyOfRange(args, 1, args.length) : args);
            return;
        }
        System.exit(ParathumbCommand.execute(args));
    }

    /**
     * The window opens with no argument, with {@code window [PATH...]}, and on existing folders or
     * files alone ({@code parathumb DIR...}): a first argument that is a path, not a command name.
     */
    static boolean opensWindow(String[] args) {
        if (args.length == 0 || "window".equals(args[0])) {
            return true;
        }
        return !isCommand(args[0]) && Arrays.stream(args).allMatch(Main::exists);
    }

    private static boolean isCommand(String arg) {
        return arg.startsWith("-") || ParathumbCommand.isSubcommand(arg);
    }

    private static boolean exists(String arg) {
        try {
            return Files.exists(Path.of(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
