package org.parathumb.app;

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
        if (args.length == 0 || "window".equals(args[0])) {
            ParathumbApp.launchWindow(args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(ParathumbCommand.execute(args));
    }
}
